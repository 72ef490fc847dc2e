package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.layout.MemoryLayout;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.GlobalType;
import dev.wasmlink.spec.format.TypeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the linker provides for thread-local storage and shared memory, as wasm-ld 19 does.
 *
 * <p>With {@code --shared-memory}: the mutable global {@code __tls_base} (each thread's block), the immutable
 * {@code __tls_size} and {@code __tls_align}, and {@code __wasm_init_tls(block)}; {@code __wasm_init_memory} as the
 * start function whenever a segment is passive; {@code __wasm_apply_tls_relocs} when {@code .tdata} has relocations;
 * {@code __wasm_apply_global_tls_relocs} when code reaches a thread-local through a GOT entry, which then must point
 * into each thread's own block.
 *
 * <p>Single-threaded: only {@code __tls_base}, and only when an object refers to it, as an immutable global holding
 * the address of the one static {@code .tdata} (0 without one); {@code __wasm_init_memory} only when imported memory
 * needs its {@code .bss} cleared.
 */
public final class ThreadLocalSymbols {
  private static final int I32 = 0x7F;
  private static final TypeEntry.FunctionType VOID = new TypeEntry.FunctionType(List.of(), List.of());
  private static final TypeEntry.FunctionType TAKES_POINTER = new TypeEntry.FunctionType(List.of(I32), List.of());

  private final boolean shared;
  private final Symbol tlsBase;
  private final Symbol tlsSize;
  private final Symbol tlsAlign;
  private final Symbol initTls;
  private InputFunction initMemory;
  private InputFunction applyTlsRelocations;
  private InputFunction applyGlobalTlsRelocations;
  /** The layout the generated bodies read, known once {@link #functions} has run. */
  private MemoryLayout memory;
  /** A position-independent module's {@code __memory_base}, from which its addresses count; else {@code null}. */
  private Symbol memoryBase;
  /** A position-independent module's {@code __wasm_apply_tls_relocs} body; else {@code null} (nothing left to do). */
  private Supplier<byte[]> tlsRelocations;

  private ThreadLocalSymbols(boolean shared, Symbol tlsBase, Symbol tlsSize, Symbol tlsAlign, Symbol initTls) {
    this.shared = shared;
    this.tlsBase = tlsBase;
    this.tlsSize = tlsSize;
    this.tlsAlign = tlsAlign;
    this.initTls = initTls;
  }

  /** A shared-memory link's symbols, defined before the inputs are read (they come first in export order). */
  public static ThreadLocalSymbols defineShared(SymbolTable symbols) {
    Symbol base = global(symbols, "__tls_base", true);
    Symbol size = global(symbols, "__tls_size", false);
    Symbol align = global(symbols, "__tls_align", false);
    Symbol initTls = symbols.defineSynthetic("__wasm_init_tls", SymbolKind.FUNCTION);
    ThreadLocalSymbols defined = new ThreadLocalSymbols(true, base, size, align, initTls);
    if (initTls.isSynthetic()) {
      SymbolTable.defineFunction(initTls, InputFunction.generated("__wasm_init_tls", TAKES_POINTER,
          defined::initTlsBody));
    }
    return defined;
  }

  /** A single-threaded link's {@code __tls_base}, defined after the inputs are read only if one refers to it. */
  public static ThreadLocalSymbols defineOptional(SymbolTable symbols) {
    Symbol referenced = symbols.find("__tls_base");
    Symbol base = referenced != null && referenced.isUndefined() ? global(symbols, "__tls_base", false) : null;
    return new ThreadLocalSymbols(false, base, null, null, null);
  }

  private static Symbol global(SymbolTable symbols, String name, boolean mutable) {
    Symbol symbol = symbols.defineSynthetic(name, SymbolKind.GLOBAL);
    if (symbol.isSynthetic()) {
      SymbolTable.defineGlobal(symbol,
          new InputGlobal(null, name, new GlobalType(I32, mutable ? 1 : 0), new ConstExpr.I32Const(0)));
    }
    return symbol;
  }

  /**
   * {@code __wasm_init_tls}, when the link writes it: defined before the inputs are read, it comes first among the
   * functions wasm-ld makes after {@code __wasm_call_ctors}.
   */
  public List<InputFunction> initTls() {
    if (initTls != null && initTls.isSynthetic() && initTls.isLive()) {
      initTls.function().markLive();
      return List.of(initTls.function());
    }
    return List.of();
  }

  /**
   * Makes this a position-independent module's: {@code __wasm_init_memory} counts addresses from
   * {@code memoryBase}, and {@code __wasm_apply_tls_relocs} stores the pointers in {@code .tdata} again at run time
   * with {@code tlsRelocations}, since the bases are only known then.
   */
  public void positionIndependent(Symbol memoryBase, Supplier<byte[]> tlsRelocations) {
    this.memoryBase = memoryBase;
    this.tlsRelocations = tlsRelocations;
  }

  /** {@code __tls_base}, or {@code null} when the link has none. */
  public Symbol tlsBase() {
    return tlsBase;
  }

  /**
   * The functions the linker writes for memory and TLS once the inputs are laid out, in wasm-ld's order:
   * {@code __wasm_init_memory}, {@code __wasm_apply_global_tls_relocs}, {@code __wasm_apply_tls_relocs}. Decides,
   * from the memory layout and the GOT, which exist; those that set {@code __tls_base} or read it keep it live.
   */
  public List<InputFunction> functions(ModuleLayout layout) {
    MemoryLayout memory = layout.memory();
    List<InputFunction> functions = new ArrayList<>();
    if (memory.needsInitialization()) {
      initMemory = InputFunction.generated("__wasm_init_memory", VOID,
          () -> MemoryInitializer.body(memory, tlsBase == null ? null : tlsBase.global(),
              memoryBase == null ? -1 : memoryBase.outputIndex()));
      initMemory.markLive();
      functions.add(initMemory);
      if (shared) {
        keepTlsBase();
      }
    }
    List<Symbol> perThread = layout.got().setPerThread();
    if (!perThread.isEmpty()) {
      applyGlobalTlsRelocations = InputFunction.generated("__wasm_apply_global_tls_relocs", VOID,
          () -> TlsInitializer.applyGlobalRelocationsBody(perThread, layout, tlsBase.global()));
      applyGlobalTlsRelocations.markLive();
      functions.add(applyGlobalTlsRelocations);
      keepTlsBase();
    }
    if (shared && hasRelocations(memory.tlsSegment())) {
      applyTlsRelocations = InputFunction.generated("__wasm_apply_tls_relocs", VOID,
          tlsRelocations != null ? tlsRelocations : TlsInitializer::applyRelocationsBody);
      applyTlsRelocations.markLive();
      functions.add(applyTlsRelocations);
    }
    this.memory = memory;
    return functions;
  }

  /**
   * The symbols wasm-ld defines for the functions it makes for memory and TLS once they exist, last of all, so that
   * {@code --export-all} exports them (and {@code --export} cannot name them): {@code __wasm_init_memory}'s flag and
   * the function, then {@code __wasm_apply_global_tls_relocs} and {@code __wasm_apply_tls_relocs}.
   */
  public void defineInitMemorySymbols(SymbolTable symbols) {
    boolean initializesMemory = initMemory != null && memory.initFlagAddress() != null;
    if (initializesMemory) {
      Symbol flag = symbols.defineSynthetic("__wasm_init_memory_flag", SymbolKind.DATA);
      SymbolTable.setAddress(flag, memory.initFlagAddress());
      flag.markLive();
      symbols.defineLateFunction("__wasm_init_memory", initMemory);
    }
    if (applyGlobalTlsRelocations != null) {
      symbols.defineLateFunction("__wasm_apply_global_tls_relocs", applyGlobalTlsRelocations);
    }
    if (initializesMemory && applyTlsRelocations != null) {
      symbols.defineLateFunction("__wasm_apply_tls_relocs", applyTlsRelocations);
    }
  }


  private void keepTlsBase() {
    tlsBase.markLive();
    tlsBase.global().markLive();
  }

  private static boolean hasRelocations(OutputSegment tls) {
    if (tls == null) {
      return false;
    }
    for (InputSegment input : tls.inputs()) {
      InputObject object = input.file();
      if (!object.relocations(input).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private byte[] initTlsBody() {
    return TlsInitializer.body(memory.tlsSegment(), tlsBase.global(), applyTlsRelocations,
        applyGlobalTlsRelocations);
  }

  /** The live globals among {@code __tls_base}, {@code __tls_size}, {@code __tls_align}, in that order. */
  public List<InputGlobal> globals() {
    List<InputGlobal> globals = new ArrayList<>();
    for (Symbol symbol : new Symbol[] {tlsBase, tlsSize, tlsAlign}) {
      if (symbol != null && symbol.isSynthetic() && symbol.global() != null && symbol.global().isLive()) {
        globals.add(symbol.global());
      }
    }
    return globals;
  }

  /** Gives the globals their values once memory is laid out. */
  public void setValues(MemoryLayout memory) {
    OutputSegment tls = memory.tlsSegment();
    if (tls == null) {
      return;
    }
    if (shared) {
      setValue(tlsSize, tls.size());
      setValue(tlsAlign, tls.alignment());
    } else {
      setValue(tlsBase, tls.address());
    }
  }

  private static void setValue(Symbol symbol, long value) {
    if (symbol != null && symbol.isSynthetic()) {
      symbol.global().setInitialValue(new ConstExpr.I32Const((int) value));
    }
  }

  /** The symbols defined here, for a link that keeps everything ({@code --no-gc-sections}). */
  public List<Symbol> definedSymbols() {
    List<Symbol> defined = new ArrayList<>();
    for (Symbol symbol : new Symbol[] {tlsBase, tlsSize, tlsAlign, initTls}) {
      if (symbol != null && symbol.isSynthetic()) {
        defined.add(symbol);
      }
    }
    return defined;
  }

  /** The module's start function: {@code __wasm_init_memory}, or {@code null} when there is none. */
  public InputFunction startFunction() {
    return initMemory;
  }
}
