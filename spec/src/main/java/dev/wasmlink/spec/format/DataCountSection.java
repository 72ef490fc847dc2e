package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.annotation.Section;

/** Section 12: how many data segments follow, so code can use {@code memory.init} and {@code data.drop}. */
@Section(12)
public record DataCountSection(@Uleb32 int count) {}
