package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Name;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Uleb32;

/** One export: its name, external kind (0 function, 1 table, 2 memory, 3 global, 4 tag) and index. */
@Record
public record Export(@Name String name, @U8 int kind, @Uleb32 int index) {}
