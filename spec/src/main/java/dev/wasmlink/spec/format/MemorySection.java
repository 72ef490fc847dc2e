package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 5: defined memories. */
@Section(5)
public record MemorySection(@Vec List<Limits> memories) {}
