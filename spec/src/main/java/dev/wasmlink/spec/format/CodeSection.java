package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 10: function bodies, kept as views of the input. */
@Section(10)
public record CodeSection(@Vec List<FunctionBody> bodies) {}
