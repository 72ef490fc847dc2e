package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Vec;
import java.util.List;
import dev.wasmlink.spec.annotation.Section;

/** Section 4: defined tables. */
@Section(4)
public record TableSection(@Vec List<TableType> tables) {}
