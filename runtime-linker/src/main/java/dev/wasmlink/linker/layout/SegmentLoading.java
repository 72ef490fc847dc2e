package dev.wasmlink.linker.layout;

/**
 * How an output data segment's bytes reach linear memory. wasm-ld's rules: with shared memory every segment is passive
 * so that only the first thread's {@code __wasm_init_memory} copies it; zero-filled {@code .bss} is left out of the
 * file unless memory is imported without bulk memory, which leaves no way to clear it but writing its zeros, or the
 * output keeps symbols and relocations, which may point into it.
 */
public enum SegmentLoading {
  /** Written with its address; the engine copies it at instantiation. */
  ACTIVE,
  /** Written without an address; {@code __wasm_init_memory} copies it with {@code memory.init}. */
  PASSIVE,
  /**
   * Zero-filled with shared memory in an output that keeps its relocations: written without an address so that
   * symbols and relocations can point into it, yet cleared with {@code memory.fill} as {@link #FILLED} is.
   */
  PASSIVE_FILLED,
  /** Not written; {@code __wasm_init_memory} clears it with {@code memory.fill} (imported or shared memory). */
  FILLED,
  /** Not written: fresh memory is zero already. */
  ZEROED;

  /** Whether the data section holds the segment. */
  public boolean isWritten() {
    return this == ACTIVE || this == PASSIVE || this == PASSIVE_FILLED;
  }

  /** Whether the data section holds the segment without an address. */
  public boolean isPassive() {
    return this == PASSIVE || this == PASSIVE_FILLED;
  }

  /** Whether {@code __wasm_init_memory} must initialize it. */
  public boolean isInitializedAtStart() {
    return this == PASSIVE || this == PASSIVE_FILLED || this == FILLED;
  }

  /** Whether {@code __wasm_init_memory} initializes it by copying its bytes (and may then drop them). */
  public boolean isCopiedAtStart() {
    return this == PASSIVE;
  }

  static SegmentLoading of(OutputSegment segment, MemorySettings settings, boolean bulkMemory) {
    boolean zeroFilled = segment.isBss() && !(settings.imported() && !bulkMemory);
    if (zeroFilled && !settings.keepsRelocations()) {
      return settings.shared() || settings.imported() ? FILLED : ZEROED;
    }
    if (zeroFilled && settings.shared()) {
      return PASSIVE_FILLED;
    }
    return settings.shared() ? PASSIVE : ACTIVE;
  }
}
