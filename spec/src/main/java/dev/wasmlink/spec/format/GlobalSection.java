package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 6: defined globals. */
@Section(6)
public record GlobalSection(@Vec List<Global> globals) {}
