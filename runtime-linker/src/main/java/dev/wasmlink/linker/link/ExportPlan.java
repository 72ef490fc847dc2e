package dev.wasmlink.linker.link;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.write.ExportEntry;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.GlobalType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the output exports and in which order, as wasm-ld decides: symbols exported by their flag,
 * {@code --export-dynamic} or {@code --export-all}, the entry, {@code --export}, {@code --export-if-defined} and the
 * table; all in symbol-table order, whatever asked for each.
 */
final class ExportPlan {
  private static final int I32 = 0x7F;

  private final LinkSettings settings;
  private final SymbolTable symbols;
  private final Diagnostics diagnostics;
  private final ModuleLayout layout;
  /** Symbols the linker defines and exports whatever the command line says (wasm-ld's EXPORTED flag). */
  private final Set<Symbol> exportedByLinker = new LinkedHashSet<>();

  ExportPlan(LinkSettings settings, SymbolTable symbols, Diagnostics diagnostics, ModuleLayout layout) {
    this.settings = settings;
    this.symbols = symbols;
    this.diagnostics = diagnostics;
    this.layout = layout;
  }

  /**
   * The exported symbols in symbol-table order; an error for a missing entry.
   *
   * @param tablePresent whether the output has the indirect function table, which {@code --export-table} and
   *     {@code --export-all} then export
   */
  List<Symbol> exportedSymbols(Symbol indirectTable, boolean tablePresent) {
    Set<Symbol> exported = new LinkedHashSet<>();
    for (Symbol symbol : symbols.globals()) {
      if (symbol.kind() == null || isIndirectTable(symbol) || !symbol.isDefined() || !symbol.isLive()) {
        continue;
      }
      if (isExportedBySettings(symbol)) {
        exported.add(symbol);
      }
    }
    // --export-all exports what the module defines: an imported table only on request.
    if ((settings.exportTable() || settings.exportAll() && !settings.table().imported()) && tablePresent) {
      exported.add(indirectTable);
    }
    if (settings.entry() != null) {
      Symbol entry = symbols.find(settings.entry());
      if (entry == null || entry.function() == null) {
        diagnostics.error("entry symbol not defined (pass --no-entry to suppress): " + settings.entry());
      } else {
        exported.add(entry);
      }
    }
    for (String name : settings.exports()) {
      Symbol symbol = symbols.find(name);
      if (symbol != null && symbol.isDefined()) {
        exported.add(symbol);
      }
    }
    for (String name : settings.exportsIfDefined()) {
      Symbol symbol = symbols.find(name);
      if (symbol != null && symbol.isDefined()) {
        exported.add(symbol);
      }
    }
    // Exports come in symbol-table order, as wasm-ld writes them, whatever asked for each.
    List<Symbol> ordered = new ArrayList<>();
    for (Symbol symbol : symbols.globals()) {
      if (exported.contains(symbol)) {
        ordered.add(symbol);
      }
    }
    return ordered;
  }

  /** Exports {@code symbol}, which the linker defines, whatever the command line says. */
  void exportAlways(Symbol symbol) {
    exportedByLinker.add(symbol);
  }

  /**
   * Reports each {@code --export} name that nothing defines, as undefined symbols are reported: an error, a warning,
   * or (ignored, as with {@code --allow-undefined}) not at all. wasm-ld does so before it reports undefined uses.
   *
   * @param definedLater names the linker will define once memory is laid out (section boundaries)
   */
  void checkRequiredExports(Set<String> definedLater) {
    for (String name : settings.exports()) {
      Symbol symbol = symbols.find(name);
      if ((symbol == null || symbol.isUndefined()) && !definedLater.contains(name)) {
        switch (settings.undefined().report()) {
          case ERROR -> diagnostics.error("symbol exported via --export not found: " + name);
          case WARNING -> diagnostics.warning("symbol exported via --export not found: " + name);
          case NONE -> { }
        }
      }
    }
  }

  /**
   * Whether a defined symbol is exported by its flag, {@code --export-dynamic} or {@code --export-all}. The last
   * exports what the linker defines too, except its mutable globals ({@code __stack_pointer}, {@code __tls_base}):
   * exporting those needs the mutable-globals feature, which the inputs may not have.
   */
  boolean isExportedBySettings(Symbol symbol) {
    if (isIndirectTable(symbol)) {
      return false;
    }
    if (exportedByLinker.contains(symbol)) {
      return true;
    }
    if (symbol.isSynthetic()) {
      return settings.exportAll() && !isMutableGlobal(symbol);
    }
    return symbol.isExportedByFlag() || settings.exportAll() || (settings.exportDynamic() && !symbol.isHidden());
  }

  /**
   * Whether the settings keep a defined symbol live as one they export: as {@link #isExportedBySettings}, but
   * {@code --export-all} keeps the linker's mutable globals too, which it then does not export (wasm-ld's
   * {@code isExported} and its export writer differ so).
   */
  boolean isLiveAsExported(Symbol symbol) {
    return isExportedBySettings(symbol) || symbol.isSynthetic() && settings.exportAll()
        && !isIndirectTable(symbol);
  }

  /** The indirect function table, which {@code --export-table} (or {@code --export-all}) exports, not its flags. */
  private static boolean isIndirectTable(Symbol symbol) {
    return symbol.kind() == SymbolKind.TABLE && symbol.table() == null;
  }

  private static boolean isMutableGlobal(Symbol symbol) {
    return symbol.global() != null && symbol.global().type().isMutable();
  }

  /**
   * The export section's entries: the memory, then {@code exported} in order, those with a command export wrapper
   * last (wasm-ld adds a wrapper's symbol after all others) and exported through it. A data symbol is exported as an
   * immutable global holding its address, added to the layout here.
   */
  List<ExportEntry> entries(List<Symbol> exported, Map<Symbol, InputFunction> commandWrappers) {
    List<ExportEntry> exports = new ArrayList<>();
    if (settings.memoryInterface().exportName() != null) {
      exports.add(new ExportEntry(settings.memoryInterface().exportName(), 2, 0));
    }
    List<Symbol> ordered = new ArrayList<>();
    exported.stream().filter(symbol -> !commandWrappers.containsKey(symbol)).forEach(ordered::add);
    exported.stream().filter(commandWrappers::containsKey).forEach(ordered::add);
    for (Symbol symbol : ordered) {
      if (symbol.kind() == SymbolKind.FUNCTION) {
        InputFunction wrapper = commandWrappers.get(symbol);
        int index = wrapper != null ? wrapper.outputIndex() : symbol.function().outputIndex();
        exports.add(new ExportEntry(symbol.name(), 0, index));
      } else if (symbol.kind() == SymbolKind.TABLE) {
        exports.add(new ExportEntry(symbol.name(), 1,
            symbol.table() != null ? symbol.table().outputIndex() : layout.indirectTableIndex()));
      } else if (symbol.kind() == SymbolKind.TAG) {
        exports.add(new ExportEntry(symbol.name(), 4,
            symbol.tag() != null ? symbol.tag().outputIndex() : symbol.outputIndex()));
      } else if (symbol.kind() == SymbolKind.GLOBAL && symbol.global() != null) {
        exports.add(new ExportEntry(symbol.name(), 3, symbol.global().outputIndex()));
      } else if (symbol.kind() == SymbolKind.DATA || symbol.absoluteAddress() != null) {
        // Data, or a global an object imports that the link defines as a place (__memory_base, __table_base). A
        // thread-local of a threaded link has an address in each thread's block: its offset there is exported.
        long value = settings.sharedMemory() && symbol.isTls() ? layout.threadLocalOffsetOf(symbol)
            : layout.addressOf(symbol);
        InputGlobal address = new InputGlobal(null, null, new GlobalType(I32, 0), new ConstExpr.I32Const((int) value));
        layout.globals().add(address);
        address.setOutputIndex(layout.importedGlobals().size() + layout.globals().size() - 1);
        exports.add(new ExportEntry(symbol.name(), 3, address.outputIndex()));
      }
    }
    return exports;
  }
}
