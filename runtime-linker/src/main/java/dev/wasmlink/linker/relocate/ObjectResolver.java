package dev.wasmlink.linker.relocate;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.reloc.RelocationResolver;
import dev.wasmlink.spec.reloc.RelocationSite;
import dev.wasmlink.spec.reloc.SymbolFacts;
import java.util.function.IntUnaryOperator;

/**
 * Answers the generated relocation handlers for the relocations of one input object: its symbol indices mean its own
 * symbol table, its type indices its own type section. {@code location} and {@code sectionOffset} depend on the chunk
 * being patched and on where custom sections land, so the writer supplies them.
 */
public final class ObjectResolver implements RelocationResolver {
  private final InputObject object;
  private final ModuleLayout layout;
  private final IntUnaryOperator sectionOffsets;
  private long locationBase;

  /**
   * @param sectionOffsets for a section index of this object, where its contents start in the output section of the
   *     same name (for DWARF's cross-section references)
   */
  public ObjectResolver(InputObject object, ModuleLayout layout, IntUnaryOperator sectionOffsets) {
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
  public long functionIndex(RelocationSite site) {
    Symbol symbol = target(site);
    TypeEntry.FunctionType expected = object.expectedSignature(symbol);
    if (expected != null) {
      return layout.signatureStubs().get(symbol).get(expected).outputIndex();
    }
    return symbol.function() != null ? symbol.function().outputIndex() : symbol.outputIndex();
  }

  @Override
  public long tableSlot(RelocationSite site) {
    return target(site).tableSlot();
  }

  @Override
  public long tableBase() {
    return layout.tableBase();
  }

  /**
   * S, given as the address of S + A minus A: handlers add the addend back, and in merged strings only the address of
   * the byte S + A points at is meaningful.
   */
  @Override
  public long memoryAddress(RelocationSite site) {
    return layout.addressOf(target(site), site.addend()) - site.addend();
  }

  @Override
  public long memoryBase() {
    return 0;
  }

  @Override
  public long tlsOffset(RelocationSite site) {
    OutputSegment tls = layout.memory().segment(".tdata");
    return layout.addressOf(target(site)) - (tls == null ? 0 : tls.address());
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
    if (layout.addressGlobals().containsKey(symbol)) {
      return layout.addressGlobals().get(symbol).outputIndex();
    }
    return symbol.outputIndex();
  }

  @Override
  public long typeIndex(RelocationSite site) {
    return layout.types().register(object.types().get(site.index()));
  }

  @Override
  public long tagIndex(RelocationSite site) {
    return target(site).outputIndex();
  }

  @Override
  public long tableNumber(RelocationSite site) {
    return Math.max(0, target(site).outputIndex());
  }

  @Override
  public long functionOffset(RelocationSite site) {
    Symbol symbol = target(site);
    Integer offset = symbol.function() == null ? null : layout.codeOffsets().get(symbol.function());
    return offset == null ? tombstone(site) : offset;
  }

  @Override
  public long sectionOffset(RelocationSite site) {
    Symbol symbol = target(site);
    return sectionOffsets.applyAsInt(sectionIndexOf(symbol));
  }

  private int sectionIndexOf(Symbol symbol) {
    for (int i = 0; i < object.object().sections().size(); i++) {
      if (object.object().sections().get(i).name().equals(symbol.name())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * What a debug section says about a function the link dropped: -2 in {@code .debug_ranges} and
   * {@code .debug_loc}, where 0 would end a list, and 0 elsewhere, as wasm-ld writes.
   */
  private static long tombstone(RelocationSite site) {
    return site.section().equals(".debug_ranges") || site.section().equals(".debug_loc") ? -2 : 0;
  }

}
