package dev.wasmlink.linker.linking;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The symbol table of an output that carries relocations, in wasm-ld's order: the live global symbols in the order
 * the link met them, then each object's live local symbols, then one section symbol per output custom section. Each
 * input symbol maps to its output entry: a global one to the symbol every object shares, a local one to its own, a
 * section symbol to its output section's.
 *
 * <p>Only what the output holds gets an entry: a symbol the linker defines only when an object refers to it, and no
 * symbol whose chunk was collected, lost its comdat, or (an undefined global or tag that is not imported) has no place
 * in the output to name. An undefined function that is not imported but called reaches a trap the linker wrote: its
 * entry, as wasm-ld writes it for a weak one, is that trap, a local function named after it. A relocation against such a symbol can
 * only come from debug information, whose value already says "gone"; it is not passed on.
 *
 * <p>An object that calls a function with another signature than its definition's refers, everywhere, to the
 * trapping stub that stands for the function there ({@code signature_mismatch:NAME}): wasm-ld lists that stub among
 * the object's local symbols, in the function's place, and the object's relocations name it.
 */
final class OutputSymbolTable {
  private final ModuleLayout layout;
  private final boolean finalModule;
  private final Map<Symbol, InputFunction> traps;
  /** Each entry: a symbol, or the signature stub that stands for one in some object. */
  private final List<Object> entries = new ArrayList<>();
  private final Map<Symbol, Integer> indices = new IdentityHashMap<>();
  private final Map<InputFunction, Integer> stubIndices = new IdentityHashMap<>();
  private final Map<String, Integer> sectionIndices = new LinkedHashMap<>();

  private OutputSymbolTable(ModuleLayout layout, boolean finalModule, Map<Symbol, InputFunction> traps) {
    this.layout = layout;
    this.finalModule = finalModule;
    this.traps = traps;
  }

  /**
   * Assigns the global and local symbols their indices; section symbols follow once the custom sections are known.
   *
   * @param finalModule whether the output is a module to run ({@code --emit-relocs}), not an object to link again
   * @param traps the function each undefined function that is neither defined nor imported calls instead
   */
  static OutputSymbolTable assign(SymbolTable symbols, ModuleLayout layout, boolean finalModule,
      Map<Symbol, InputFunction> traps) {
    OutputSymbolTable table = new OutputSymbolTable(layout, finalModule, traps);
    Set<Symbol> referenced = referencedByObjects(symbols);
    for (Symbol symbol : symbols.globals()) {
      if (symbol.kind() != null && (!symbol.isSynthetic() || referenced.contains(symbol)) && table.holds(symbol)) {
        table.add(symbol);
      }
    }
    for (InputObject object : symbols.objects()) {
      for (int i = 0; i < object.symbolCount(); i++) {
        Symbol symbol = object.symbol(i);
        InputFunction stub = layout.signatureStubFor(object, symbol);
        if (stub != null) {
          // Like a trap, listed again by each object that reaches it; relocations name the last entry.
          table.stubIndices.put(stub, table.entries.size());
          table.entries.add(stub);
        } else if (symbol.isLocal() && symbol.kind() != SymbolKind.SECTION && table.holds(symbol)
            && !table.indices.containsKey(symbol)) {
          table.add(symbol);
        } else if (traps.containsKey(symbol)) {
          // wasm-ld turns the symbol into the local trap, so each object naming it lists it again among its locals,
          // and relocations name the last of those entries.
          table.add(symbol);
        }
      }
    }
    return table;
  }

  /** The symbols some object's symbol table names: of those the linker defines, the only ones listed. */
  private static Set<Symbol> referencedByObjects(SymbolTable symbols) {
    Set<Symbol> referenced = Collections.newSetFromMap(new IdentityHashMap<>());
    for (InputObject object : symbols.objects()) {
      for (int i = 0; i < object.symbolCount(); i++) {
        referenced.add(object.symbol(i));
      }
    }
    if (symbols.usesLegacyIndirectTable()) {
      // An object from before reference types refers to the table with no symbol of its own: wasm-ld made one up.
      referenced.add(symbols.find("__indirect_function_table"));
    }
    return referenced;
  }

  /**
   * Whether the output has what {@code symbol} names. A definition is there when its chunk is (an alias of a kept
   * function is, though nothing named the alias itself); an undefined function, global or tag when it is imported.
   */
  private boolean holds(Symbol symbol) {
    if (!isKept(symbol)) {
      return false;
    }
    boolean undefined = symbol.isUndefined();
    return switch (kindOf(symbol)) {
      case FUNCTION -> undefined ? layout.isImported(symbol) || traps.containsKey(symbol)
          : symbol.function().outputIndex() >= 0;
      case GLOBAL -> undefined ? layout.isImported(symbol) : symbol.global().outputIndex() >= 0;
      case TAG -> undefined ? layout.isImported(symbol) : symbol.tag().outputIndex() >= 0;
      case DATA -> undefined || symbol.absoluteAddress() != null ? symbol.isLive()
          : symbol.segment().isLive() && symbol.segment().outputName() != null;
      case TABLE, SECTION -> symbol.isLive();
    };
  }

  /**
   * The kind of entry a symbol gets: a place in memory is data, whatever an object called it (a position-independent
   * object imports {@code __memory_base} as a global, which an ordinary link defines as an address).
   */
  private static SymbolKind kindOf(Symbol symbol) {
    return symbol.absoluteAddress() != null ? SymbolKind.DATA : symbol.kind();
  }

  /** A definition the output keeps: not in a chunk that lost its comdat to another object's copy. */
  private static boolean isKept(Symbol symbol) {
    if (symbol.function() != null && symbol.function().file() != null) {
      return !symbol.function().file().isDiscarded(symbol.function());
    }
    if (symbol.segment() != null) {
      return !symbol.segment().file().isDiscarded(symbol.segment());
    }
    return true;
  }

  private void add(Symbol symbol) {
    indices.put(symbol, entries.size());
    entries.add(symbol);
  }

  /** The output index of entry {@code index} of {@code object}'s symbol table, or -1 when the output has none. */
  int indexOf(InputObject object, int index) {
    Symbol symbol = object.symbol(index);
    InputFunction stub = layout.signatureStubFor(object, symbol);
    Integer output = stub != null ? stubIndices.get(stub)
        : symbol.kind() == SymbolKind.SECTION ? sectionIndices.get(symbol.name()) : indices.get(symbol);
    return output != null ? output : -1;
  }

  /**
   * The entries, as the linking section's symbol table writes them: after the others, one section symbol for each
   * of the output's custom sections that came from the inputs, as wasm-ld gives them.
   */
  List<SymbolInfo> infos(List<String> customSections, ToIntFunction<String> customSectionIndex) {
    int next = entries.size();
    for (String section : customSections) {
      sectionIndices.put(section, next++);
    }
    List<SymbolInfo> infos = new ArrayList<>();
    for (Object entry : entries) {
      infos.add(entry instanceof InputFunction stub ? stubInfo(stub) : info((Symbol) entry));
    }
    sectionIndices.keySet().forEach(section -> infos.add(
        new SymbolInfo.Section(SymbolFlags.BINDING_LOCAL, customSectionIndex.applyAsInt(section))));
    return infos;
  }

  /** A signature stub's entry: a local function, named as the stub (wasm-ld does not hide it). */
  private static SymbolInfo stubInfo(InputFunction stub) {
    return new SymbolInfo.Function(SymbolFlags.BINDING_LOCAL, stub.outputIndex(), stub.debugName());
  }

  /**
   * One entry: the symbol's flags as resolved (an undefined symbol keeps its first reference's, explicit import name
   * included), and its place in the output's index spaces or data segments.
   */
  private SymbolInfo info(Symbol symbol) {
    InputFunction trap = traps.get(symbol);
    if (trap != null) {
      return new SymbolInfo.Function(SymbolFlags.BINDING_LOCAL | SymbolFlags.VISIBILITY_HIDDEN, trap.outputIndex(),
          trap.debugName());
    }
    boolean undefined = symbol.isUndefined();
    // What the linker defines is hidden, whatever the objects that refer to it said.
    int resolved = symbol.isSynthetic() ? SymbolFlags.VISIBILITY_HIDDEN : symbol.flags();
    int flags = undefined ? resolved | SymbolFlags.UNDEFINED : resolved & ~SymbolFlags.UNDEFINED;
    if (finalModule) {
      // A module's exports are made: an export request has nothing left to ask, and wasm-ld drops it.
      flags &= ~SymbolFlags.EXPORTED;
    }
    if (symbol.absoluteAddress() != null) {
      // A place the linker defines (__heap_base and the like) is an address, in no segment.
      flags |= SymbolFlags.ABSOLUTE;
    }
    // An undefined symbol without an explicit name takes its import's; only data always carries its name.
    String name = undefined && (flags & SymbolFlags.EXPLICIT_NAME) == 0 && symbol.kind() != SymbolKind.DATA ? null
        : symbol.name();
    return switch (kindOf(symbol)) {
      case FUNCTION -> new SymbolInfo.Function(flags,
          undefined ? symbol.outputIndex() : symbol.function().outputIndex(), name);
      case GLOBAL -> new SymbolInfo.Global(flags,
          undefined ? symbol.outputIndex() : symbol.global().outputIndex(), name);
      case TAG -> new SymbolInfo.ExceptionTag(flags,
          undefined ? symbol.outputIndex() : symbol.tag().outputIndex(), name);
      case TABLE -> new SymbolInfo.Table(flags, symbol.table() != null ? symbol.table().outputIndex()
          : Math.max(0, layout.indirectTableIndex()), name);
      case DATA -> new SymbolInfo.Data(flags, name, undefined ? null : place(symbol));
      case SECTION -> throw new IllegalStateException("section symbols are written per output section");
    };
  }

  /** Where a defined data symbol is: its output segment, its offset there, its size; an absolute one, its address. */
  private SymbolInfo.DataPlace place(Symbol symbol) {
    if (symbol.absoluteAddress() != null) {
      return new SymbolInfo.DataPlace(0, symbol.absoluteAddress(), symbol.size());
    }
    var segment = layout.memory().segmentOf(symbol.segment());
    return new SymbolInfo.DataPlace(segment.dataIndex(), symbol.segment().outputOffsetOf(symbol.offset()),
        symbol.size());
  }
}
