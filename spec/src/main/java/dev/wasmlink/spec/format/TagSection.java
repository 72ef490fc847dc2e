package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 13: exception tags. */
@Section(13)
public record TagSection(@Vec List<TagType> tags) {}
