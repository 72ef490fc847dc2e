package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 11: data segments. */
@Section(11)
public record DataSection(@Vec List<DataSegment> segments) {}
