package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 2: imports, the only way an object names what the linker must provide from outside. */
@Section(2)
public record ImportSection(@Vec List<Import> imports) {}
