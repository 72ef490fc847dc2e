package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.relocate.ObjectResolver;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.write.Instructions;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationSite;
import java.util.HashMap;
import java.util.Map;

/**
 * The bodies of the functions that finish relocating a position-independent module once the loader has chosen its
 * bases, as wasm-ld 19 writes them.
 *
 * <p>{@code __wasm_apply_global_relocs}, the start function: each internal GOT entry, which starts as an offset from
 * a base, gets that base added ({@code __memory_base} for data, {@code __table_base} for a function's slot).
 *
 * <p>{@code __wasm_apply_data_relocs}, which the loader calls: every pointer in data (a memory-address or table-slot
 * relocation of a data segment) is stored again at its place counted from {@code __memory_base}, as the base plus
 * the value the link wrote there, or as the GOT entry's value plus the addend when the target has an entry (the loader
 * then chose where it is). Location-relative pointers ({@code R_WASM_MEMORY_ADDR_LOCREL_I32}) hold a difference,
 * which no base changes: the link's value stays (wasm-ld adds the base to it too, which is wrong).
 */
final class RuntimeRelocations {
  private final RelocationRegistry registry;
  private final ModuleLayout layout;
  private final int memoryBase;
  private final int tableBase;
  private final int tlsBase;
  private final Map<InputObject, ObjectResolver> resolvers = new HashMap<>();

  /** @param tlsBase {@code __tls_base}, or {@code null} without thread-locals */
  RuntimeRelocations(RelocationRegistry registry, ModuleLayout layout, Symbol memoryBase, Symbol tableBase,
      Symbol tlsBase) {
    this.registry = registry;
    this.layout = layout;
    this.memoryBase = memoryBase.outputIndex();
    this.tableBase = tableBase.outputIndex();
    this.tlsBase = tlsBase == null || tlsBase.global() == null ? -1 : tlsBase.global().outputIndex();
  }

  byte[] applyGlobalRelocationsBody() {
    Instructions code = new Instructions().noLocals();
    for (Symbol symbol : layout.got().setAtStart()) {
      boolean function = symbol.kind() == SymbolKind.FUNCTION;
      code.globalGet(function ? tableBase : memoryBase)
          .i32Const(function ? symbol.tableSlot() : layout.addressOf(symbol))
          .i32Add()
          .globalSet(layout.got().indexOf(symbol));
    }
    return code.end().toByteArray();
  }

  /** Every data segment's pointers but {@code .tdata}'s, which each thread's copy needs applied to itself. */
  byte[] applyDataRelocationsBody() {
    Instructions code = new Instructions().noLocals();
    for (OutputSegment segment : layout.memory().writtenSegments()) {
      if (!segment.isTls()) {
        storeAgain(code, segment, segment.address(), memoryBase);
      }
    }
    return code.end().toByteArray();
  }

  /**
   * The body of {@code __wasm_apply_tls_relocs}, which {@code __wasm_init_tls} calls for each thread's block: the
   * pointers in {@code .tdata}, stored at their offsets from {@code __tls_base}.
   */
  byte[] applyTlsRelocationsBody() {
    Instructions code = new Instructions().noLocals();
    OutputSegment tls = layout.memory().tlsSegment();
    if (tls != null) {
      storeAgain(code, tls, 0, tlsBase);
    }
    return code.end().toByteArray();
  }

  /** Stores the pointers of {@code segment} again, at {@code start} plus their offset, counted from {@code base}. */
  private void storeAgain(Instructions code, OutputSegment segment, long start, int base) {
    for (InputSegment input : segment.inputs()) {
      long inputStart = start + input.outputOffset() - input.dataOffset();
      for (RelocationEntry entry : input.file().relocations(input)) {
        storeAgain(code, input, inputStart + entry.offset(), base, entry);
      }
    }
  }

  private void storeAgain(Instructions code, InputSegment input, long address, int base, RelocationEntry entry) {
    RelocationHandler handler = registry.byCode(entry.type());
    RelocationRule rule = handler.kind().rule();
    if (rule != RelocationRule.MEMORY_ADDRESS && rule != RelocationRule.TABLE_SLOT) {
      return;
    }
    code.i32Const(address).globalGet(base).i32Add();
    Symbol symbol = input.file().symbol(entry.index());
    int gotEntry = layout.got().indexOf(symbol);
    if (gotEntry >= 0) {
      code.globalGet(gotEntry);
      if (entry.addendOrZero() != 0) {
        code.i32Const(entry.addendOrZero()).i32Add();
      }
    } else {
      RelocationSite site = new RelocationSite(input.file().name(), "DATA", PatchedSection.DATA, entry.offset(),
          entry.index(), entry.addendOrZero());
      int valueBase = rule == RelocationRule.TABLE_SLOT ? tableBase : symbol.isTls() ? tlsBase : memoryBase;
      code.globalGet(valueBase)
          .i32Const(handler.value(site, resolver(input.file())))
          .i32Add();
    }
    code.i32Store();
  }

  private ObjectResolver resolver(InputObject object) {
    // Data relocations never name custom sections, so where those land does not matter here.
    return resolvers.computeIfAbsent(object, o -> new ObjectResolver(o, layout, (index, offset) -> offset));
  }
}
