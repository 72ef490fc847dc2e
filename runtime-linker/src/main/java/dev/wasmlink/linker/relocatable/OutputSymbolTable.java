package dev.wasmlink.linker.relocatable;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The symbol table of a relocatable output, in wasm-ld's order: the live global symbols in the order the link met
 * them, then each object's live local symbols, then one section symbol per output custom section. Each input symbol
 * maps to its output entry: a global one to the symbol every object shares, a local one to its own, a section symbol
 * to its output section's.
 */
final class OutputSymbolTable {
  private final ModuleLayout layout;
  private final List<Symbol> entries = new ArrayList<>();
  private final Map<Symbol, Integer> indices = new IdentityHashMap<>();
  private final Map<String, Integer> sectionIndices = new LinkedHashMap<>();

  private OutputSymbolTable(ModuleLayout layout) {
    this.layout = layout;
  }

  /** Assigns the global and local symbols their indices; section symbols follow once the custom sections are known. */
  static OutputSymbolTable assign(SymbolTable symbols, ModuleLayout layout) {
    OutputSymbolTable table = new OutputSymbolTable(layout);
    for (Symbol symbol : symbols.globals()) {
      if (symbol.kind() != null && symbol.isLive() && !symbol.isSynthetic() && isKept(symbol)) {
        table.add(symbol);
      }
    }
    for (InputObject object : symbols.objects()) {
      for (int i = 0; i < object.symbolCount(); i++) {
        Symbol symbol = object.symbol(i);
        if (symbol.isLocal() && symbol.kind() != SymbolKind.SECTION && symbol.isLive() && isKept(symbol)
            && !table.indices.containsKey(symbol)) {
          table.add(symbol);
        }
      }
    }
    return table;
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

  /** The output index of entry {@code index} of {@code object}'s symbol table. */
  int indexOf(InputObject object, int index) {
    Symbol symbol = object.symbol(index);
    if (symbol.kind() == SymbolKind.SECTION) {
      return sectionIndices.get(symbol.name());
    }
    Integer output = indices.get(symbol);
    if (output == null) {
      throw new IllegalStateException("no output symbol for " + symbol + " of " + object);
    }
    return output;
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
    for (Symbol symbol : entries) {
      infos.add(info(symbol));
    }
    sectionIndices.keySet().forEach(section -> infos.add(
        new SymbolInfo.Section(SymbolFlags.BINDING_LOCAL, customSectionIndex.applyAsInt(section))));
    return infos;
  }

  /**
   * One entry: the symbol's flags as resolved (an undefined symbol keeps its first reference's, explicit import name
   * included), and its place in the output's index spaces or data segments.
   */
  private SymbolInfo info(Symbol symbol) {
    boolean undefined = symbol.isUndefined();
    int flags = undefined ? symbol.flags() | SymbolFlags.UNDEFINED : symbol.flags() & ~SymbolFlags.UNDEFINED;
    // An undefined symbol without an explicit name takes its import's; only data always carries its name.
    String name = undefined && (flags & SymbolFlags.EXPLICIT_NAME) == 0 && symbol.kind() != SymbolKind.DATA ? null
        : symbol.name();
    return switch (symbol.kind()) {
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
    var segment = layout.memory().segment(symbol.segment().outputName());
    return new SymbolInfo.DataPlace(segment.dataIndex(), symbol.segment().outputOffsetOf(symbol.offset()),
        symbol.size());
  }
}
