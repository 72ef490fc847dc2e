package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 1: the function types. */
@Section(1)
public record TypeSection(@Vec List<TypeEntry> types) {}
