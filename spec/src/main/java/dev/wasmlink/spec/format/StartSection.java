package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.annotation.Section;

/** Section 8: the function run at instantiation. */
@Section(8)
public record StartSection(@Uleb32 int function) {}
