package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 7: exports. */
@Section(7)
public record ExportSection(@Vec List<Export> exports) {}
