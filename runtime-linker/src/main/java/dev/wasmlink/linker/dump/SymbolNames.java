package dev.wasmlink.linker.dump;

import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.spec.format.Import;
import dev.wasmlink.spec.format.ImportDescriptor;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.SymbolInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a listing shows for symbols: the symbol's own name, or for an undefined symbol without one the field
 * name of the import it refers to, or for a section symbol the section's name.
 */
final class SymbolNames {
  private final List<SymbolInfo> symbols;
  private final List<String> names = new ArrayList<>();

  SymbolNames(ObjectFile object) {
    symbols = object.linkingSubsections(LinkingSubsection.SymbolTable.class).stream()
        .flatMap(table -> table.symbols().stream())
        .toList();
    List<Import> imports = object.imports().map(section -> section.imports()).orElse(List.of());
    for (SymbolInfo symbol : symbols) {
      names.add(nameOf(object, symbol, imports));
    }
  }

  List<SymbolInfo> symbols() {
    return symbols;
  }

  /** The display name of symbol {@code index}, or {@code ?} when the index is out of range. */
  String name(int index) {
    return index >= 0 && index < names.size() ? names.get(index) : "?";
  }

  private static String nameOf(ObjectFile object, SymbolInfo symbol, List<Import> imports) {
    if (symbol.name() != null) {
      return symbol.name();
    }
    if (symbol instanceof SymbolInfo.Section section) {
      int index = section.section();
      return index < object.sections().size() ? object.sections().get(index).name() : "?";
    }
    Class<?> wanted;
    int index;
    if (symbol instanceof SymbolInfo.Function function) {
      wanted = ImportDescriptor.FunctionImport.class;
      index = function.index();
    } else if (symbol instanceof SymbolInfo.Global global) {
      wanted = ImportDescriptor.GlobalImport.class;
      index = global.index();
    } else if (symbol instanceof SymbolInfo.Table table) {
      wanted = ImportDescriptor.TableImport.class;
      index = table.index();
    } else if (symbol instanceof SymbolInfo.ExceptionTag tag) {
      wanted = ImportDescriptor.TagImport.class;
      index = tag.index();
    } else {
      return "?";
    }
    int seen = 0;
    for (Import entry : imports) {
      if (wanted.isInstance(entry.descriptor())) {
        if (seen++ == index) {
          return entry.field();
        }
      }
    }
    return "?";
  }
}
