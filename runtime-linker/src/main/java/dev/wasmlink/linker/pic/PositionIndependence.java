package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.layout.GlobalOffsetTable;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.threads.ThreadLocalSymbols;
import dev.wasmlink.linker.undefined.UndefinedSymbols;
import dev.wasmlink.linker.write.DynamicLinking;
import dev.wasmlink.linker.write.Instructions;
import dev.wasmlink.spec.format.GlobalType;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A position-independent output ({@code -pie}, {@code -shared}), as wasm-ld 19 writes it after tool-conventions'
 * DynamicLinking.md: the module is loaded at a memory base and a table base the loader chooses, so
 * <ul>
 *   <li>it imports {@code env.__memory_base} and {@code env.__table_base} (and {@code env.__stack_pointer} when used);
 *       its data is one segment placed at the first, its table slots one element segment placed at the second;
 *   <li>code reaches every symbol another module may define through a GOT entry the loader fills
 *       ({@code GOT.mem.NAME}, {@code GOT.func.NAME} imports, {@link GotAccess}); other entries are internal and set
 *       by {@code __wasm_apply_global_relocs}, the start function;
 *   <li>pointers in data are stored again by {@code __wasm_apply_data_relocs}, which the loader calls;
 *   <li>undefined functions called directly, and weak ones, are imported; a {@code dylink.0} section says how much
 *       memory and table the module needs and which imports are weak.
 * </ul>
 * With shared memory, thread-locals count from the module's own {@code __tls_base}, which {@code __wasm_init_memory}
 * points at its {@code .tdata} and {@code __wasm_init_tls} at each thread's block; {@code __wasm_apply_tls_relocs}
 * stores the pointers in {@code .tdata} for each. Without shared memory a module cannot have thread-locals
 * ({@link #unsupported}).
 */
final class PositionIndependence implements Addressing {
  private static final int I32 = 0x7F;
  private static final TypeEntry.FunctionType VOID = new TypeEntry.FunctionType(List.of(), List.of());

  private final GotAccess gotAccess;
  private final boolean sharedMemory;
  private final boolean constructorsApplyDataRelocations;
  private final RelocationRegistry registry;
  private final DisplayNames displayNames;
  private Symbol stackPointer;
  private Symbol memoryBase;
  private Symbol tableBase;
  private Symbol applyDataRelocations;
  private InputFunction applyGlobalRelocations;
  private InputFunction startFunction;
  /** {@code __wasm_start}, when both GOT entries and memory are set up at start; else {@code null}. */
  private InputFunction wasmStart;
  private Symbol tlsBase;

  /**
   * @param constructorsApplyDataRelocations whether {@code __wasm_call_ctors} calls {@code __wasm_apply_data_relocs}
   *     first, as wasm-ld 14 wrote it for loaders that only call the constructors
   */
  PositionIndependence(boolean shared, boolean bsymbolic, boolean sharedMemory,
      boolean constructorsApplyDataRelocations, RelocationRegistry registry, DisplayNames displayNames) {
    this.constructorsApplyDataRelocations = constructorsApplyDataRelocations;
    this.gotAccess = new GotAccess(shared, bsymbolic);
    this.sharedMemory = sharedMemory;
    this.registry = registry;
    this.displayNames = displayNames;
  }

  /** The GOT of this output: an entry of a symbol another module may define is imported. */
  @Override
  public GlobalOffsetTable globalOffsetTable() {
    return new GlobalOffsetTable(sharedMemory, true, gotAccess::isLoaderProvided);
  }

  /**
   * What wasm-ld declares before reading the inputs, after the thread-locals: {@code __wasm_apply_data_relocs}
   * (exported, so it follows {@code __wasm_init_tls} among the exports), then the imported {@code __stack_pointer},
   * {@code __memory_base} and {@code __table_base}; the bases are always imported.
   */
  @Override
  public void declareSymbols(SymbolTable symbols, Runnable declareThreadLocals) {
    declareThreadLocals.run();
    applyDataRelocations = symbols.defineSynthetic("__wasm_apply_data_relocs", SymbolKind.FUNCTION);
    stackPointer = symbols.declareImportedGlobal("__stack_pointer", new GlobalType(I32, 1));
    memoryBase = symbols.declareImportedGlobal("__memory_base", new GlobalType(I32, 0));
    tableBase = symbols.declareImportedGlobal("__table_base", new GlobalType(I32, 0));
    memoryBase.markLive();
    tableBase.markLive();
  }

  /** {@code __stack_pointer}: imported, the loader's main module owns the stack. */
  @Override
  public Symbol stackPointer() {
    return stackPointer;
  }

  /** {@code __wasm_apply_data_relocs}, which wasm-ld exports whatever the command line says. */
  @Override
  public List<Symbol> alwaysExported() {
    return List.of(applyDataRelocations);
  }

  /**
   * {@code __wasm_apply_data_relocs} under wasm-ld 14's conventions: a loader that only calls the constructors then
   * gets its data relocated. Idempotent (it stores, never adds), so a loader that calls it too does no harm.
   */
  @Override
  public List<Symbol> beforeConstructors() {
    return constructorsApplyDataRelocations ? List.of(applyDataRelocations) : List.of();
  }

  /** {@code __wasm_call_ctors}: a loader may call it whether or not it is exported, so wasm-ld always writes it. */
  @Override
  public List<Symbol> alwaysLive(Symbol callCtors) {
    return List.of(callCtors);
  }

  /**
   * Whether the linker defines the optional data symbol {@code name} here (when referenced or exported): only
   * {@code __dso_handle}, and {@code __data_end} outside a shared library. The bases are imports, and the stack and
   * heap are the main module's.
   */
  @Override
  public boolean definesOptional(String name) {
    return name.equals("__dso_handle") || name.equals("__data_end") && !gotAccess.shared();
  }

  /**
   * One line for what this output needs and cannot have, or {@code null}: thread-locals without shared memory.
   * wasm-ld 19 links those with {@code __tls_base} an immutable 0, so every thread-local's address misses the
   * module's data by {@code __memory_base}: a wrong program, which wasmlink does not write. (With shared memory,
   * {@code __tls_base} is set at start to the module's own {@code .tdata}, and per thread by {@code __wasm_init_tls}.)
   */
  @Override
  public String unsupported(List<InputSegment> liveSegments) {
    if (sharedMemory) {
      return null;
    }
    String flag = gotAccess.shared() ? "-shared" : "-pie";
    for (InputSegment segment : liveSegments) {
      if (segment.isTls()) {
        return segment.file().name() + ": " + flag + " without --shared-memory cannot place thread-local storage ("
            + segment.name() + "): __tls_base would not count from __memory_base; link with --shared-memory, or"
            + " build without -matomics/-pthread so that thread-locals become ordinary data";
      }
    }
    return null;
  }

  /**
   * The live symbols imported, in symbol-table order, as wasm-ld's {@code shouldImport} decides for a
   * position-independent output: every undefined function, global and tag, weak ones too (data never: it is reached
   * through GOT imports), a function only when some object calls it directly (taking its address goes through the
   * GOT) unless a shared library given as an input provides it, and a shared library's overridable weak functions.
   * The loader provides them all: {@code undefined} does not report them.
   */
  @Override
  public List<Symbol> imports(SymbolTable symbols, UndefinedSymbols undefined) {
    Set<Symbol> calledDirectly = calledDirectly(symbols.objects());
    List<Symbol> imports = new ArrayList<>();
    for (Symbol symbol : symbols.globals()) {
      if (symbol.kind() == null || symbol.kind() == SymbolKind.DATA || !symbol.isLive()) {
        continue;
      }
      boolean function = symbol.kind() == SymbolKind.FUNCTION;
      if (gotAccess.isOverridable(symbol) && function || symbol.isShared()
          || symbol.isUndefined() && (!function || calledDirectly.contains(symbol))) {
        imports.add(symbol);
      }
    }
    undefined.importForLoader(imports);
    return imports;
  }

  private static Set<Symbol> calledDirectly(List<InputObject> objects) {
    Set<Symbol> called = new HashSet<>();
    for (InputObject object : objects) {
      for (int i = 0; i < object.symbolCount(); i++) {
        if (object.callsDirectly(i)) {
          called.add(object.symbol(i));
        }
      }
    }
    return called;
  }

  /**
   * Reads one relocation of a live chunk, as wasm-ld's {@code scanRelocations} does for position-independent output:
   * gives address-taken functions their slots unless the loader provides them, and GOT entries where code or data
   * needs the loader's answer ({@link #check} has reported what cannot be relocated at all).
   */
  @Override
  public void scan(InputObject object, RelocationEntry entry, RelocationKind kind, ModuleLayout layout) {
    Symbol symbol = object.symbol(entry.index());
    RelocationRule rule = kind.rule();
    boolean loaderProvided = gotAccess.isLoaderProvided(symbol);
    if ((rule == RelocationRule.TABLE_SLOT || rule == RelocationRule.TABLE_SLOT_RELATIVE) && !loaderProvided
        && symbol.isDefined()) {
      layout.addTableEntry(symbol);
    }
    if (rule == RelocationRule.GLOBAL_INDEX && symbol.kind() != SymbolKind.GLOBAL) {
      addGotEntry(symbol, layout);
    }
    boolean absolute = rule == RelocationRule.MEMORY_ADDRESS || rule == RelocationRule.TABLE_SLOT;
    if (absolute && kind.isAllowedIn(PatchedSection.DATA) && loaderProvided) {
      // Pointers in data to such symbols: __wasm_apply_data_relocs stores them from their GOT entries.
      addGotEntry(symbol, layout);
    }
  }

  /**
   * What is wrong with one relocation in a position-independent output, in wasm-ld's words, or {@code null}: an
   * absolute address in code, which no base can move, or a base-relative one against a symbol the module does not
   * define.
   */
  @Override
  public String check(InputObject object, RelocationEntry entry) {
    RelocationKind kind = registry.kindOf(entry.type());
    if (kind.target() == RelocationTarget.TYPE) {
      return null;
    }
    Symbol symbol = object.symbol(entry.index());
    RelocationRule rule = kind.rule();
    boolean absolute = rule == RelocationRule.MEMORY_ADDRESS || rule == RelocationRule.TABLE_SLOT;
    if (absolute && !kind.isAllowedIn(PatchedSection.DATA)) {
      return object.name() + ": relocation " + kind.name() + " cannot be used against symbol `"
          + displayNames.of(symbol.name()) + "`; recompile with -fPIC";
    }
    if ((rule == RelocationRule.MEMORY_ADDRESS_RELATIVE || rule == RelocationRule.TABLE_SLOT_RELATIVE)
        && symbol.isUndefined()) {
      return object.name() + ": relocation " + kind.name() + " is not supported against an undefined symbol `"
          + displayNames.of(symbol.name()) + "`";
    }
    return null;
  }

  private void addGotEntry(Symbol symbol, ModuleLayout layout) {
    if (layout.addGotEntry(symbol) && symbol.kind() == SymbolKind.FUNCTION) {
      layout.addTableEntry(symbol);
    }
  }

  /**
   * {@code __wasm_apply_data_relocs}, the first function wasm-ld makes for position-independent output once
   * relocations are scanned (after the constructors' runner and {@code __wasm_init_tls}); and, for the thread-locals,
   * their addresses relative to {@code __memory_base} and {@code __wasm_apply_tls_relocs}'s body. Pointers to
   * thread-locals count from {@code __tls_base}.
   */
  @Override
  public List<InputFunction> relocationFunctions(ModuleLayout layout, ThreadLocalSymbols threadLocals) {
    this.tlsBase = threadLocals.tlsBase();
    InputFunction applyData = InputFunction.generated("__wasm_apply_data_relocs", VOID,
        () -> runtimeRelocations(layout).applyDataRelocationsBody());
    SymbolTable.defineFunction(applyDataRelocations, applyData);
    applyDataRelocations.markLive();
    applyData.markLive();
    threadLocals.positionIndependent(memoryBase, () -> runtimeRelocations(layout).applyTlsRelocationsBody());
    return List.of(applyData);
  }

  /**
   * The functions that run at start, made last, in wasm-ld's order: {@code __wasm_apply_global_relocs} when there
   * are internal GOT entries and, when memory must be initialized too ({@code initMemory}, with shared memory),
   * {@code __wasm_start}, which calls the first and then the second: GOT entries must point right before anything
   * reads them.
   */
  @Override
  public List<InputFunction> startFunctions(ModuleLayout layout, InputFunction initMemory) {
    List<InputFunction> functions = new ArrayList<>();
    startFunction = initMemory;
    if (!layout.got().setAtStart().isEmpty()) {
      applyGlobalRelocations = InputFunction.generated("__wasm_apply_global_relocs", VOID,
          () -> runtimeRelocations(layout).applyGlobalRelocationsBody());
      applyGlobalRelocations.markLive();
      functions.add(applyGlobalRelocations);
      startFunction = applyGlobalRelocations;
      if (initMemory != null) {
        InputFunction applyGlobal = applyGlobalRelocations;
        InputFunction start = InputFunction.generated("__wasm_start", VOID, () -> new Instructions().noLocals()
            .call(applyGlobal.outputIndex()).call(initMemory.outputIndex()).end().toByteArray());
        start.markLive();
        functions.add(start);
        wasmStart = start;
        startFunction = start;
      }
    }
    return functions;
  }

  /**
   * Defines {@code __wasm_apply_global_relocs} and {@code __wasm_start} as symbols once they exist, last of all, as
   * wasm-ld does: so that {@code --export-all} exports them, after everything else.
   */
  @Override
  public void defineLateSymbols(SymbolTable symbols) {
    if (applyGlobalRelocations != null) {
      symbols.defineLateFunction("__wasm_apply_global_relocs", applyGlobalRelocations);
    }
    if (wasmStart != null) {
      symbols.defineLateFunction("__wasm_start", wasmStart);
    }
  }

  private RuntimeRelocations runtimeRelocations(ModuleLayout layout) {
    return new RuntimeRelocations(registry, layout, memoryBase, tableBase, tlsBase);
  }

  /**
   * The start function, once {@link #startFunctions} has run: {@code __wasm_start}, {@code __wasm_apply_global_relocs}
   * or {@code __wasm_init_memory}, or {@code null} when nothing needs to run at start.
   */
  @Override
  public InputFunction startFunction() {
    return startFunction;
  }

  /** Nothing: every address counts from a base the loader sets. */
  @Override
  public void placeMemory(ModuleLayout layout) {}

  /** The bases and optional data symbols are imported or placed by the layout: none has a fixed address. */
  @Override
  public Long fixedAddress(String name, ModuleLayout layout) {
    return null;
  }

  /**
   * What the writer needs: the bases that place data and table slots, and the {@code dylink.0} section (memory: the
   * data's size and largest alignment; table: the slots; the shared libraries it needs; exported thread-locals; the
   * weak imports).
   */
  @Override
  public DynamicLinking dynamicLinking(ModuleLayout layout, List<String> neededLibraries, List<Symbol> exported,
      Collection<Symbol> symbols) {
    return new DynamicLinking(DylinkInfo.of(layout, neededLibraries, exported, symbols, true), memoryBase,
        tableBase);
  }
}
