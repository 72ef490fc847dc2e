package dev.wasmlink.linker.layout;

/**
 * What the command line says about linear memory.
 *
 * @param globalBase where data starts (with the stack first, 0 means right after the stack)
 * @param stackSize the stack's size in bytes
 * @param stackFirst whether the stack is placed below the data, so an overflow traps instead of overwriting data
 * @param initialMemory the initial size in bytes, or {@code null} for "as much as the layout needs"
 * @param maxMemory the maximum size in bytes, or {@code null} for none
 * @param initialHeap bytes of heap the initial memory must hold after the data and stack ({@code --initial-heap}),
 *     or {@code null}
 * @param growable whether the memory may grow beyond its initial size without a maximum given
 *     ({@code --no-growable-memory} makes the maximum the initial size)
 * @param mergeStrings whether string segments are merged (wasm-ld does from {@code -O1}, its default)
 * @param mergeSegments whether input segments merge into output segments by name prefix ({@code .data.*} into
 *     {@code .data}); {@code --no-merge-data-segments} keeps each name (thread-local data is one segment anyway)
 * @param shared whether threads share the memory ({@code --shared-memory}): segments become passive, copied once
 * @param imported whether the host provides the memory ({@code --import-memory}), so it may not start zeroed
 * @param relocatable whether the output is relocatable ({@code -r}): segments of comdat groups stay apart (the final
 *     link keeps or drops each group)
 * @param keepsRelocations whether the output describes itself with symbols and relocations ({@code -r},
 *     {@code --emit-relocs}): zero-filled segments are written all the same, since those may point into them
 * @param positionIndependent whether data sits at {@code __memory_base}, wherever the loader puts it ({@code -pie},
 *     {@code -shared}): addresses count from 0, there is no stack (the loader's module has it) and, since one base
 *     can place only one active segment, every segment becomes one {@code .data}
 */
public record MemorySettings(
    long globalBase, long stackSize, boolean stackFirst, Long initialMemory, Long maxMemory, Long initialHeap,
    boolean growable, boolean mergeStrings, boolean mergeSegments, boolean shared, boolean imported,
    boolean relocatable, boolean keepsRelocations, boolean positionIndependent) {}
