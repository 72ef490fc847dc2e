package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.GlobalType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GOT entries of a static link: one global per data symbol or function that code reaches through
 * {@code global.get sym@GOT} (an {@code R_WASM_GLOBAL_INDEX_*} relocation against something that is not a global).
 * LLVM emits these for every symbol it cannot prove DSO-local, so static links meet them often. The link resolves them
 * itself, as wasm-ld's "internal GOT": a data symbol's entry holds its address, a function's its table slot, in
 * immutable globals named {@code GOT.data.internal.NAME} / {@code GOT.func.internal.NAME}.
 *
 * <p>A thread-local's entry ({@code GOT.TLS}) must hold its address in the running thread's block. With shared memory
 * that differs per thread, so the entry is a mutable global that starts as the symbol's offset in the block, and
 * {@code __wasm_apply_global_tls_relocs} (run by {@code __wasm_init_tls}) adds {@code __tls_base} to it in each
 * thread's instance. Without shared memory there is one block, the static {@code .tdata}, and the entry is the
 * symbol's address, as for any data.
 *
 * <p>Entries keep the order in which relocations first need them, which is wasm-ld's order in the global section.
 */
public final class GlobalOffsetTable {
  private static final int I32 = 0x7F;

  private final boolean sharedMemory;
  private final Map<Symbol, InputGlobal> entries = new LinkedHashMap<>();

  /** @param sharedMemory whether threads share memory, and so thread-locals' entries are set per thread */
  public GlobalOffsetTable(boolean sharedMemory) {
    this.sharedMemory = sharedMemory;
  }

  /** Gives {@code symbol} an entry unless it has one; returns whether it is new. */
  public boolean add(Symbol symbol) {
    if (entries.containsKey(symbol)) {
      return false;
    }
    String kind = symbol.kind() == SymbolKind.FUNCTION ? "func" : "data";
    boolean mutable = isSetPerThread(symbol);
    entries.put(symbol, new InputGlobal(null, "GOT." + kind + ".internal." + symbol.name(),
        new GlobalType(I32, mutable ? 1 : 0), new ConstExpr.I32Const(0)));
    return true;
  }

  private boolean isSetPerThread(Symbol symbol) {
    return sharedMemory && symbol.kind() == SymbolKind.DATA && symbol.isTls();
  }

  /** The entry of {@code symbol}, or {@code null} when it has none. */
  public InputGlobal entry(Symbol symbol) {
    return entries.get(symbol);
  }

  /** Every entry's global, in order. */
  public Collection<InputGlobal> globals() {
    return entries.values();
  }

  /** The thread-locals whose entries {@code __wasm_apply_global_tls_relocs} sets in each thread, in order. */
  public List<Symbol> setPerThread() {
    return entries.keySet().stream().filter(this::isSetPerThread).toList();
  }

  /**
   * Gives every entry its initial value once the layout is known: a function's table slot, a data symbol's address,
   * a per-thread entry the symbol's offset in the TLS block.
   */
  public void setValues(ModuleLayout layout) {
    entries.forEach((symbol, global) -> global.setInitialValue(new ConstExpr.I32Const((int) valueOf(symbol, layout))));
  }

  /** What an entry of {@code symbol} holds before any code runs. */
  long valueOf(Symbol symbol, ModuleLayout layout) {
    if (symbol.kind() == SymbolKind.FUNCTION) {
      return symbol.tableSlot();
    }
    if (isSetPerThread(symbol)) {
      return layout.threadLocalOffsetOf(symbol);
    }
    return layout.addressOf(symbol);
  }
}
