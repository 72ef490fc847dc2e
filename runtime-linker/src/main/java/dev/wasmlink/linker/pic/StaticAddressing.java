package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.layout.GlobalOffsetTable;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.threads.ThreadLocalSymbols;
import dev.wasmlink.linker.undefined.UndefinedSymbols;
import dev.wasmlink.linker.write.DynamicLinking;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.GlobalType;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * An ordinary module's addressing: every address is known when linked. The module defines {@code __stack_pointer}
 * (its initial value is the top of the stack), places its data and table slots itself, and resolves the GOT entries
 * of position-independent objects internally, as wasm-ld does. Only what a shared library given as an input provides,
 * or what {@code --unresolved-symbols=import-dynamic} leaves to the loader, comes from outside ({@link SharedReferences}).
 */
final class StaticAddressing implements Addressing {
  private static final int I32 = 0x7F;

  private final Predicate<Symbol> loaderProvided;
  private final GlobalOffsetTable got;
  private final RelocationRegistry registry;
  private final DisplayNames displayNames;
  private Symbol stackPointer;
  private InputFunction startFunction;

  StaticAddressing(boolean importDynamic, boolean sharedMemory, RelocationRegistry registry,
      DisplayNames displayNames) {
    this.loaderProvided = GotAccess.inStaticLink(importDynamic);
    this.got = new GlobalOffsetTable(sharedMemory, false, loaderProvided);
    this.registry = registry;
    this.displayNames = displayNames;
  }

  @Override
  public GlobalOffsetTable globalOffsetTable() {
    return got;
  }

  /** {@code __stack_pointer} first, defined here; its value is set once memory is laid out. */
  @Override
  public void declareSymbols(SymbolTable symbols, Runnable declareThreadLocals) {
    stackPointer = symbols.defineSynthetic("__stack_pointer", SymbolKind.GLOBAL);
    SymbolTable.defineGlobal(stackPointer,
        new InputGlobal(null, "__stack_pointer", new GlobalType(I32, 1), new ConstExpr.I32Const(0)));
    declareThreadLocals.run();
  }

  @Override
  public Symbol stackPointer() {
    return stackPointer;
  }

  @Override
  public List<Symbol> alwaysExported() {
    return List.of();
  }

  @Override
  public List<Symbol> beforeConstructors() {
    return List.of();
  }

  /** The stack pointer: defined here, it is always written. */
  @Override
  public List<Symbol> alwaysLive(Symbol callCtors) {
    return List.of(stackPointer);
  }

  @Override
  public boolean definesOptional(String name) {
    return true;
  }

  /**
   * {@code __memory_base} and {@code __table_base}, which position-independent objects read: not position-independent
   * here, memory and table start where the layout put them.
   */
  @Override
  public Long fixedAddress(String name, ModuleLayout layout) {
    return switch (name) {
      case "__memory_base" -> 0L;
      case "__table_base" -> layout.tableBase();
      default -> null;
    };
  }

  @Override
  public String unsupported(List<InputSegment> liveSegments) {
    return null;
  }

  @Override
  public List<Symbol> imports(SymbolTable symbols, UndefinedSymbols undefined) {
    return undefined.imports(symbols.globals());
  }

  /** An address of what the loader provides, which nothing in a static module could store ({@link SharedReferences}). */
  @Override
  public String check(InputObject object, RelocationEntry entry) {
    return SharedReferences.inStaticLink(object, entry, registry, displayNames, loaderProvided);
  }

  /**
   * Gives address-taken functions their table slots, and GOT entries to what position-independent objects read
   * through the GOT: anything but a global, or a global the link defines as a place in memory. A function's GOT entry
   * holds its table slot.
   */
  @Override
  public void scan(InputObject object, RelocationEntry entry, RelocationKind kind, ModuleLayout layout) {
    Symbol symbol = object.symbol(entry.index());
    RelocationRule rule = kind.rule();
    if ((rule == RelocationRule.TABLE_SLOT || rule == RelocationRule.TABLE_SLOT_RELATIVE)
        && hasAddress(symbol, layout)) {
      layout.addTableEntry(symbol);
    } else if (rule == RelocationRule.GLOBAL_INDEX && needsGotEntry(symbol) && layout.addGotEntry(symbol)
        && symbol.kind() == SymbolKind.FUNCTION && hasAddress(symbol, layout)) {
      layout.addTableEntry(symbol);
    }
  }

  /**
   * Whether a global-index relocation against {@code symbol} reads a GOT entry: it is not a global, or it is one that
   * an object imports but the link defines as a place in memory. A position-independent object imports
   * {@code __memory_base} and {@code __table_base}; linked into an ordinary module, wasm-ld defines them as data at
   * 0 and at the table's base, which the object then reads through GOT entries.
   */
  private static boolean needsGotEntry(Symbol symbol) {
    return symbol.global() == null && (symbol.kind() != SymbolKind.GLOBAL || symbol.absoluteAddress() != null);
  }

  /**
   * Whether a function can have a table slot: defined, or imported (its slot then holds the import). An undefined
   * function that is not imported has none (its calls reach a trap): its address is 0.
   */
  private static boolean hasAddress(Symbol function, ModuleLayout layout) {
    return function.isDefined() || layout.isImported(function);
  }

  @Override
  public List<InputFunction> relocationFunctions(ModuleLayout layout, ThreadLocalSymbols threadLocals) {
    return List.of();
  }

  /** None of its own: memory's initialization, when there is one, is the start function. */
  @Override
  public List<InputFunction> startFunctions(ModuleLayout layout, InputFunction initMemory) {
    startFunction = initMemory;
    return List.of();
  }

  @Override
  public void defineLateSymbols(SymbolTable symbols) {}

  @Override
  public InputFunction startFunction() {
    return startFunction;
  }

  /** The stack pointer starts at the top of the stack. */
  @Override
  public void placeMemory(ModuleLayout layout) {
    stackPointer.global().setInitialValue(new ConstExpr.I32Const((int) layout.memory().stackPointer()));
  }

  /**
   * A static link against shared libraries writes a {@code dylink.0} too, naming them (no memory of its own to
   * place, as wasm-ld writes it); {@code null} when it has none.
   */
  @Override
  public DynamicLinking dynamicLinking(ModuleLayout layout, List<String> neededLibraries, List<Symbol> exported,
      Collection<Symbol> symbols) {
    return neededLibraries.isEmpty() ? null
        : new DynamicLinking(DylinkInfo.of(layout, neededLibraries, exported, symbols, false), null, null);
  }
}
