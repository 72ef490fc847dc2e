package dev.wasmlink.linker.relocate;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationResolver;
import dev.wasmlink.spec.reloc.RelocationSite;
import dev.wasmlink.spec.reloc.SymbolFacts;

/**
 * Answers the generated relocation handlers for the relocations of one input object: its symbol indices mean its own
 * symbol table, its type indices its own type section. {@code location} and {@code sectionOffset} depend on the chunk
 * being patched and on where custom sections land, so the writer supplies them.
 */
public final class ObjectResolver implements RelocationResolver {
  private final InputObject object;
  private final ModuleLayout layout;
  private final SectionOffsets sectionOffsets;
  private long locationBase;

  /** Where a byte of one of the object's custom sections lands in the output section of the same name. */
  @FunctionalInterface
  public interface SectionOffsets {
    long outputOffsetOf(int sectionIndex, long inputOffset);
  }

  /**
   * @param sectionOffsets where the bytes of this object's custom sections land (for DWARF's cross-section
   *     references, which may point into merged strings)
   */
  public ObjectResolver(InputObject object, ModuleLayout layout, SectionOffsets sectionOffsets) {
    this.object = object;
    this.layout = layout;
    this.sectionOffsets = sectionOffsets;
  }

  /** Sets what {@code P} is: the address at which offset 0 of the relocations' section lands. */
  public void setLocationBase(long base) {
    locationBase = base;
  }

  private Symbol target(RelocationSite site) {
    return object.symbol(site.index());
  }

  @Override
  public SymbolFacts symbol(RelocationSite site) {
    return target(site);
  }

  @Override
  public boolean isPositionIndependent() {
    return false;
  }

  @Override
  public boolean isMemoryShared() {
    return layout.memory().isShared();
  }

  @Override
  public long functionIndex(RelocationSite site) {
    Symbol symbol = target(site);
    InputFunction stub = layout.signatureStubFor(object, symbol);
    if (stub != null) {
      return stub.outputIndex();
    }
    // A shared library's overridable definition is imported too: calls go to whichever the loader chose.
    return symbol.function() != null && !layout.isImported(symbol) ? symbol.function().outputIndex()
        : symbol.outputIndex();
  }

  @Override
  public long tableSlot(RelocationSite site) {
    if (layout.signatureStubFor(object, target(site)) != null) {
      // The stub that stands for the function here gets no slot: wasm-ld makes its address the null pointer.
      return 0;
    }
    return target(site).tableSlot();
  }

  @Override
  public long tableBase() {
    return layout.tableBase();
  }

  /**
   * S, the symbol's address (in merged strings, where its string went): handlers add the addend to it, as wasm-ld
   * does.
   *
   * <p>A thread-local's S is its offset in the TLS block, whatever the relocation: objects from compilers older than
   * {@code R_WASM_MEMORY_ADDR_TLS_SLEB} compute {@code __tls_base + x} with a plain memory-address relocation (lld's
   * own tls.s does), and DWARF locates thread-locals by offset. With shared memory that is wasm-ld's value.
   * Single-threaded wasm-ld 19 gives the static address instead, which {@code __tls_base} (holding that address)
   * then counts twice (llvm#116136); the offset keeps {@code __tls_base + x} right in both.
   */
  @Override
  public long memoryAddress(RelocationSite site) {
    Symbol symbol = target(site);
    if (site.sectionKind() == PatchedSection.CUSTOM && symbol.segment() != null
        && symbol.segment().outputName() == null) {
      // Debug information about data the link dropped gets the tombstone, as for dropped functions.
      return tombstone(site) - site.addend();
    }
    if (symbol.isTls() && symbol.isDefined()) {
      return layout.threadLocalOffsetOf(symbol);
    }
    if (symbol.isUndefined() && symbol.absoluteAddress() == null) {
      // Nothing here knows where undefined data is (weak, or the loader's through a GOT entry): wasm-ld writes 0,
      // addend or not.
      return -site.addend();
    }
    return layout.addressOf(symbol);
  }

  @Override
  public long memoryBase() {
    return 0;
  }

  /**
   * The symbol's address less that of the static {@code .tdata}: its offset in every thread's block. Single-threaded,
   * {@code __tls_base} holds that static address (0 without TLS data), so the sum reaches any data symbol, thread-local
   * or lowered to plain memory by an object built without threads.
   */
  @Override
  public long tlsOffset(RelocationSite site) {
    return layout.threadLocalOffsetOf(target(site));
  }

  @Override
  public long location(RelocationSite site) {
    return locationBase + site.offset();
  }

  @Override
  public long globalIndex(RelocationSite site) {
    Symbol symbol = target(site);
    if (symbol.global() != null) {
      return symbol.global().outputIndex();
    }
    int entry = layout.got().indexOf(symbol);
    return entry >= 0 ? entry : symbol.outputIndex();
  }

  @Override
  public long typeIndex(RelocationSite site) {
    return layout.types().indexOf(object.types().get(site.index()));
  }

  @Override
  public long tagIndex(RelocationSite site) {
    Symbol symbol = target(site);
    if (symbol.tag() != null) {
      return symbol.tag().outputIndex();
    }
    // An imported tag has its index; one left unresolved (--unresolved-symbols=ignore-all, a weak reference) gets
    // 0xFFFFFFFF, as wasm-ld writes it: no tag.
    return symbol.outputIndex() >= 0 ? symbol.outputIndex() : UNRESOLVED_TAG;
  }

  private static final long UNRESOLVED_TAG = 0xFFFF_FFFFL;

  @Override
  public long tableNumber(RelocationSite site) {
    Symbol symbol = target(site);
    return symbol.table() != null ? symbol.table().outputIndex() : Math.max(0, symbol.outputIndex());
  }

  @Override
  public long functionOffset(RelocationSite site) {
    Symbol symbol = target(site);
    int offset = symbol.function() == null ? -1 : layout.bodyOffset(symbol.function());
    // A dropped function gets the tombstone itself, whatever the addend: the handler adds the addend back.
    return offset < 0 ? tombstone(site) - site.addend() : offset;
  }

  /** As for memory addresses: where S + A landed, minus A, since the handler adds A back. */
  @Override
  public long sectionOffset(RelocationSite site) {
    return sectionOffsets.outputOffsetOf(object.sectionOf(site.index()), site.addend()) - site.addend();
  }

  /**
   * What a debug section says about a function the link dropped, as wasm-ld 19 writes it: -2 in
   * {@code .debug_ranges} and {@code .debug_loc} (where -1 means "base address selection"), -1 elsewhere (which
   * DWARF readers know as dead code).
   */
  private static long tombstone(RelocationSite site) {
    return site.section().equals(".debug_ranges") || site.section().equals(".debug_loc") ? -2 : -1;
  }

}
