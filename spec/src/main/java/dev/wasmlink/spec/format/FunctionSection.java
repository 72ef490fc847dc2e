package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Encoding;
import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 3: the type index of each defined function, in code-section order. */
@Section(3)
public record FunctionSection(@Vec(Encoding.ULEB32) List<Integer> typeIndices) {}
