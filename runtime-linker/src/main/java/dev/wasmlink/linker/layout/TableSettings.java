package dev.wasmlink.linker.layout;

/**
 * What the command line says about the indirect function table.
 *
 * @param base the first slot functions get ({@code --table-base}; slot 0 stays null so a null function pointer traps)
 * @param growable whether the table has no maximum ({@code --growable-table})
 * @param imported whether the table is imported as {@code env.__indirect_function_table} ({@code --import-table})
 */
public record TableSettings(long base, boolean growable, boolean imported) {}
