package dev.wasmlink.linker.write;

/** One export of the output: its name, kind (0 function, 1 table, 2 memory, 3 global, 4 tag) and index. */
public record ExportEntry(String name, int kind, int index) {}
