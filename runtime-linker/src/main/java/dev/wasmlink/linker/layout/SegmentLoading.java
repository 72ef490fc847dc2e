package dev.wasmlink.linker.layout;

/**
 * How an output data segment's bytes reach linear memory. wasm-ld's rules: with shared memory every segment is passive
 * so that only the first thread's {@code __wasm_init_memory} copies it; zero-filled {@code .bss} is left out of the
 * file unless memory is imported without bulk memory, which leaves no way to clear it but writing its zeros.
 */
public enum SegmentLoading {
  /** Written with its address; the engine copies it at instantiation. */
  ACTIVE,
  /** Written without an address; {@code __wasm_init_memory} copies it with {@code memory.init}. */
  PASSIVE,
  /** Not written; {@code __wasm_init_memory} clears it with {@code memory.fill} (imported or shared memory). */
  FILLED,
  /** Not written: fresh memory is zero already. */
  ZEROED;

  /** Whether the data section holds the segment. */
  public boolean isWritten() {
    return this == ACTIVE || this == PASSIVE;
  }

  /** Whether {@code __wasm_init_memory} must initialize it. */
  public boolean isInitializedAtStart() {
    return this == PASSIVE || this == FILLED;
  }

  static SegmentLoading of(OutputSegment segment, MemorySettings settings, boolean bulkMemory) {
    boolean keptOutOfFile = segment.isBss() && !settings.relocatable() && !(settings.imported() && !bulkMemory);
    if (keptOutOfFile) {
      return settings.shared() || settings.imported() ? FILLED : ZEROED;
    }
    return settings.shared() ? PASSIVE : ACTIVE;
  }
}
