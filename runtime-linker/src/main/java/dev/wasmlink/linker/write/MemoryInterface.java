package dev.wasmlink.linker.write;

/**
 * How linear memory meets the host: imported under {@code module.name} ({@code --import-memory[=module,name]}),
 * exported under {@code exportName} ({@code --export-memory[=name]}), or neither when {@code exportName} is null.
 */
public record MemoryInterface(boolean imported, String importModule, String importName, String exportName) {}
