package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.ChunkNames;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.GlobalType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The GOT: one global per data symbol or function that code reaches through {@code global.get sym@GOT} (an
 * {@code R_WASM_GLOBAL_INDEX_*} relocation against something that is not a global). LLVM emits these for every symbol
 * it cannot prove DSO-local, so static links meet them often.
 *
 * <p>An entry is internal, as wasm-ld's "internal GOT": a global named {@code GOT.data.internal.NAME} /
 * {@code GOT.func.internal.NAME} holding a data symbol's address or a function's table slot. In a static link these
 * are constants. In a position-independent one they are mutable and start as offsets from the bases, which
 * {@code __wasm_apply_global_relocs} adds at start. An entry the loader must fill, because another module may define
 * the symbol (it is undefined, or a shared library's preemptible symbol), is instead an import: {@code GOT.mem.NAME}
 * for data, {@code GOT.func.NAME} for a function.
 *
 * <p>A thread-local's entry ({@code GOT.TLS}) must hold its address in the running thread's block. With shared memory
 * that differs per thread, so the entry is a mutable global that starts as the symbol's offset in the block, and
 * {@code __wasm_apply_global_tls_relocs} (run by {@code __wasm_init_tls}) adds {@code __tls_base} to it in each
 * thread's instance. Without shared memory there is one block, the static {@code .tdata}, and the entry is the
 * symbol's address, as for any data.
 *
 * <p>Entries keep the order in which relocations first need them, which is wasm-ld's order in the global section and
 * among the imports.
 */
public final class GlobalOffsetTable {
  private static final int I32 = 0x7F;
  private static final GlobalType IMPORTED_ENTRY = new GlobalType(I32, 1);

  private final boolean sharedMemory;
  private final boolean positionIndependent;
  private final Predicate<Symbol> loaderProvided;
  private final Map<Symbol, InputGlobal> entries = new LinkedHashMap<>();
  private final Map<Symbol, Symbol> imports = new LinkedHashMap<>();


  /**
   * @param sharedMemory whether threads share memory, and so thread-locals' entries are set per thread
   * @param positionIndependent whether addresses and slots count from bases only known at load time
   * @param loaderProvided which symbols' entries the loader fills (imports) rather than the module
   */
  public GlobalOffsetTable(boolean sharedMemory, boolean positionIndependent, Predicate<Symbol> loaderProvided) {
    this.sharedMemory = sharedMemory;
    this.positionIndependent = positionIndependent;
    this.loaderProvided = loaderProvided;
  }

  /** Whether the loader fills {@code symbol}'s entry, were it to get one. */
  public boolean isLoaderProvided(Symbol symbol) {
    return loaderProvided.test(symbol);
  }

  /**
   * Gives {@code symbol} an entry unless it has one, imported when the loader fills it; returns the new import, or
   * {@code null} when the entry is internal or was there already.
   */
  Symbol add(Symbol symbol) {
    if (entries.containsKey(symbol) || imports.containsKey(symbol)) {
      return null;
    }
    if (loaderProvided.test(symbol)) {
      String module = symbol.kind() == SymbolKind.FUNCTION ? "GOT.func" : "GOT.mem";
      Symbol entry = SymbolTable.importedEntry(module, symbol.name(), IMPORTED_ENTRY);
      imports.put(symbol, entry);
      return entry;
    }
    String kind = symbol.kind() == SymbolKind.FUNCTION ? "func" : "data";
    boolean mutable = positionIndependent && !symbol.isTls() || isSetPerThread(symbol);
    // An undefined weak function is its trap, named so in wasm-ld, and so is its entry.
    String name = symbol.kind() == SymbolKind.FUNCTION && symbol.isUndefined() && symbol.isWeak()
        ? ChunkNames.undefinedWeakTrap(symbol.name()) : symbol.name();
    entries.put(symbol, new InputGlobal(null, "GOT." + kind + ".internal." + name,
        new GlobalType(I32, mutable ? 1 : 0), new ConstExpr.I32Const(0)));
    return null;
  }

  /** Whether {@code symbol} has an internal entry (a function's then needs a table slot). */
  public boolean hasInternalEntry(Symbol symbol) {
    return entries.containsKey(symbol);
  }

  private boolean isSetPerThread(Symbol symbol) {
    return sharedMemory && symbol.kind() == SymbolKind.DATA && symbol.isTls();
  }

  /** The index of {@code symbol}'s entry among the module's globals, or -1 when it has none. */
  public int indexOf(Symbol symbol) {
    InputGlobal entry = entries.get(symbol);
    if (entry != null) {
      return entry.outputIndex();
    }
    Symbol imported = imports.get(symbol);
    return imported != null ? imported.outputIndex() : -1;
  }

  /** The internal entry of {@code symbol}, or {@code null} when it has none. */
  public InputGlobal entry(Symbol symbol) {
    return entries.get(symbol);
  }

  /** Every internal entry's global, in order. */
  public Collection<InputGlobal> globals() {
    return entries.values();
  }

  /** The symbols with internal entries, in order. */
  public Collection<Symbol> internalSymbols() {
    return entries.keySet();
  }

  /** Whether {@code symbol}'s entry is imported ({@code GOT.mem}/{@code GOT.func}). */
  public boolean isImported(Symbol symbol) {
    return imports.containsKey(symbol);
  }

  /** The symbols whose entries are imported, in order. */
  public Collection<Symbol> importedSymbols() {
    return imports.keySet();
  }

  /**
   * The symbols whose internal entries a position-independent module sets once, at start
   * ({@code __wasm_apply_global_relocs}): all but the thread-locals', which are set per thread.
   */
  public List<Symbol> setAtStart() {
    return entries.keySet().stream().filter(symbol -> !isSetPerThread(symbol)).toList();
  }

  /** The thread-locals whose entries {@code __wasm_apply_global_tls_relocs} sets in each thread, in order. */
  public List<Symbol> setPerThread() {
    return entries.keySet().stream().filter(this::isSetPerThread).toList();
  }

  /**
   * Gives every internal entry its initial value once the layout is known: a function's table slot, a data symbol's
   * address (from the bases, when position-independent), a per-thread entry the symbol's offset in the TLS block.
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
