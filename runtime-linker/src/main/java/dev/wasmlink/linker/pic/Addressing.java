package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.layout.GlobalOffsetTable;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.threads.ThreadLocalSymbols;
import dev.wasmlink.linker.undefined.UndefinedSymbols;
import dev.wasmlink.linker.write.DynamicLinking;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import java.util.Collection;
import java.util.List;

/**
 * How the output binds addresses, and everything in a link that follows from it: fixed when linked
 * ({@link StaticAddressing}: an ordinary module, which owns the stack and knows where its data and table slots are), or
 * when loaded ({@link PositionIndependence}: {@code -pie} and {@code -shared}, placed at bases a loader chooses). The
 * linker asks it at each stage where the two differ, so that its own list of stages reads the same for both.
 */
public interface Addressing {

  /** The addressing {@code -pie}/{@code -shared} ask for, or the static one. */
  static Addressing of(boolean pic, boolean shared, boolean bsymbolic, boolean importDynamic, boolean sharedMemory,
      boolean constructorsApplyDataRelocations, RelocationRegistry registry, DisplayNames displayNames) {
    return pic ? new PositionIndependence(shared, bsymbolic, sharedMemory, constructorsApplyDataRelocations, registry,
        displayNames)
        : new StaticAddressing(importDynamic, sharedMemory, registry, displayNames);
  }

  /** The output's GOT: which entries are imported from the loader and which the module sets itself. */
  GlobalOffsetTable globalOffsetTable();

  /**
   * Declares what the linker defines before reading the inputs, around {@code declareThreadLocals} (the thread-local
   * symbols shared memory brings) in wasm-ld's order, which is their order among the exports.
   */
  void declareSymbols(SymbolTable symbols, Runnable declareThreadLocals);

  /** {@code __stack_pointer}, defined or imported, once declared. */
  Symbol stackPointer();

  /** What the output exports whatever the command line says. */
  List<Symbol> alwaysExported();

  /** What {@code __wasm_call_ctors} calls before the constructors. */
  List<Symbol> beforeConstructors();

  /** What is written whether or not anything uses it: the roots every link marks live. */
  List<Symbol> alwaysLive(Symbol callCtors);

  /** Whether the linker defines the optional data symbol {@code name} (when referenced or exported). */
  boolean definesOptional(String name);

  /** The address of an optional data symbol the layout alone does not place, or {@code null}. */
  Long fixedAddress(String name, ModuleLayout layout);

  /** One line for what this output needs and wasmlink cannot write, or {@code null}: checked before layout. */
  String unsupported(List<InputSegment> liveSegments);

  /** The live symbols the module imports, in symbol-table order; tells {@code undefined} which they are. */
  List<Symbol> imports(SymbolTable symbols, UndefinedSymbols undefined);

  /** What is wrong with one relocation of a live chunk in this output, in wasm-ld's words, or {@code null}. */
  String check(InputObject object, RelocationEntry entry);

  /** Reads one relocation of a live chunk before layout: table slots and GOT entries it needs. */
  void scan(InputObject object, RelocationEntry entry, RelocationKind kind, ModuleLayout layout);

  /**
   * The functions that store relocated values at run time, made right after {@code __wasm_init_tls}; an output with
   * fixed addresses has none.
   */
  List<InputFunction> relocationFunctions(ModuleLayout layout, ThreadLocalSymbols threadLocals);

  /** The functions that run at start, made last, given what memory's initialization needs ({@code initMemory}). */
  List<InputFunction> startFunctions(ModuleLayout layout, InputFunction initMemory);

  /** Defines, last of all, symbols for the functions made at layout, as wasm-ld does. */
  void defineLateSymbols(SymbolTable symbols);

  /** The module's start function, once {@link #startFunctions} has run, or {@code null}. */
  InputFunction startFunction();

  /** Gives what the output defines its final values, now that memory is laid out. */
  void placeMemory(ModuleLayout layout);

  /** What a loader reads: a {@code dylink.0} section and the bases, or {@code null} when there is none. */
  DynamicLinking dynamicLinking(ModuleLayout layout, List<String> neededLibraries, List<Symbol> exported,
      Collection<Symbol> symbols);
}
