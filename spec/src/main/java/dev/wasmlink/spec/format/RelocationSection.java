package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.CustomSection;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.annotation.Vec;
import java.util.List;

/**
 * A {@code reloc.*} custom section: the index of the section it patches (counting every section of the object,
 * custom ones included), then its entries.
 */
@CustomSection(value = "reloc.", prefix = true)
public record RelocationSection(@Uleb32 int targetSection, @Vec List<RelocationEntry> entries) {}
