package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 9: element segments that fill tables. */
@Section(9)
public record ElementSection(@Vec List<ElementSegment> segments) {}
