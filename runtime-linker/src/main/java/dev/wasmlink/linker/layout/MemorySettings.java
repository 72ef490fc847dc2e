package dev.wasmlink.linker.layout;

/**
 * What the command line says about linear memory.
 *
 * @param globalBase where data starts when the stack does not come first
 * @param stackSize the stack's size in bytes
 * @param stackFirst whether the stack is placed below the data, so an overflow traps instead of overwriting data
 * @param initialMemory the initial size in bytes, or {@code null} for "as much as the layout needs"
 * @param maxMemory the maximum size in bytes, or {@code null} for none
 * @param mergeStrings whether string segments are merged (wasm-ld does from {@code -O1}, its default)
 * @param shared whether threads share the memory ({@code --shared-memory}): segments become passive, copied once
 * @param imported whether the host provides the memory ({@code --import-memory}), so it may not start zeroed
 */
public record MemorySettings(
    long globalBase, long stackSize, boolean stackFirst, Long initialMemory, Long maxMemory, boolean mergeStrings,
    boolean shared, boolean imported) {}
