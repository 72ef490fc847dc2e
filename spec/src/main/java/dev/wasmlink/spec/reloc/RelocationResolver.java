package dev.wasmlink.spec.reloc;

/**
 * The linker's side of relocation: what generated handlers ask to compute a value. Each method answers for the
 * entry's target without its addend; handlers add the addend and subtract bases as their kind's
 * {@link RelocationRule} says. A new rule means one new method here.
 */
public interface RelocationResolver {
  /** Facts about the symbol the entry's index names (never called for type indices). */
  SymbolFacts symbol(RelocationSite site);

  /** Whether the output is position-independent, so {@code __memory_base} and {@code __table_base} exist. */
  boolean isPositionIndependent();

  /**
   * Whether threads share the output's memory ({@code --shared-memory}): only then must TLS relocations meet
   * thread-local symbols and absolute addresses avoid them.
   */
  boolean isMemoryShared();

  /** The function's index in the output. */
  long functionIndex(RelocationSite site);

  /** The function's slot in the indirect function table. */
  long tableSlot(RelocationSite site);

  /** The value of {@code __table_base}. */
  long tableBase();

  /**
   * The data symbol's address in linear memory; for a thread-local, its offset in the TLS block, as wasm-ld gives it
   * (objects from older compilers add that to {@code __tls_base} themselves).
   */
  long memoryAddress(RelocationSite site);

  /** The value of {@code __memory_base}. */
  long memoryBase();

  /** The thread-local symbol's offset from the start of the TLS block. */
  long tlsOffset(RelocationSite site);

  /** The output address (in the patched section's address space) of the field being patched: P. */
  long location(RelocationSite site);

  /** The global's index in the output. */
  long globalIndex(RelocationSite site);

  /** The output index of the input type named by the entry's index. */
  long typeIndex(RelocationSite site);

  /** The tag's index in the output. */
  long tagIndex(RelocationSite site);

  /** The table's index in the output. */
  long tableNumber(RelocationSite site);

  /** The function's offset in the output code section. */
  long functionOffset(RelocationSite site);

  /** The section's offset in the output. */
  long sectionOffset(RelocationSite site);
}
