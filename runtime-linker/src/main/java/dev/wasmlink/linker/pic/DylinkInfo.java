package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.DylinkSection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code dylink.0} section, as wasm-ld 19 writes it: memory info (a position-independent module's data size and
 * largest alignment as log2, else 0; the table slots it needs), the shared libraries it needs, the flags of its
 * exported thread-locals, and those of its weak undefined imports, which the loader may leave unresolved.
 */
final class DylinkInfo {
  private DylinkInfo() {}

  /**
   * @param exported the symbols the module exports, in export order: thread-locals among them are listed with
   *     their flags, since their exported value is an offset from the module's {@code __tls_base}
   * @param symbols the link's symbols in symbol-table order, the order of the weak imports: functions imported
   *     and data reached through {@code GOT.mem} imports alike, by their own names
   */
  static DylinkSection of(ModuleLayout layout, List<String> neededLibraries, List<Symbol> exported,
      Collection<Symbol> symbols, boolean positionIndependent) {
    List<DylinkSection.Subsection> subsections = new ArrayList<>();
    long size = 0;
    long alignment = 1;
    if (positionIndependent) {
      size = layout.memory().dataEnd();
      for (OutputSegment segment : layout.memory().segments()) {
        alignment = Math.max(alignment, segment.alignment());
      }
    }
    subsections.add(new DylinkSection.MemoryInfo((int) size, Long.numberOfTrailingZeros(alignment),
        layout.tableEntries().size(), 0));
    if (!neededLibraries.isEmpty()) {
      subsections.add(new DylinkSection.Needed(neededLibraries));
    }
    List<DylinkSection.ExportFlags> threadLocalExports = new ArrayList<>();
    for (Symbol symbol : exported) {
      if (symbol.isTls()) {
        threadLocalExports.add(new DylinkSection.ExportFlags(symbol.name(), symbol.flags()));
      }
    }
    if (!threadLocalExports.isEmpty()) {
      subsections.add(new DylinkSection.ExportInfo(threadLocalExports));
    }
    List<DylinkSection.ImportFlags> weakImports = new ArrayList<>();
    for (Symbol symbol : symbols) {
      if (symbol.isWeak() && symbol.isUndefined() && (layout.isImported(symbol) || layout.got().isImported(symbol))) {
        weakImports.add(new DylinkSection.ImportFlags(symbol.importModule() != null ? symbol.importModule() : "env",
            symbol.importName() != null ? symbol.importName() : symbol.name(), symbol.flags()));
      }
    }
    if (!weakImports.isEmpty()) {
      subsections.add(new DylinkSection.ImportInfo(weakImports));
    }
    return new DylinkSection(subsections);
  }
}
