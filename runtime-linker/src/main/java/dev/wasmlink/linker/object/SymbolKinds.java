package dev.wasmlink.linker.object;

import dev.wasmlink.spec.format.SymbolInfo;

/** How listings and messages name the kind of a symbol-table entry. */
public final class SymbolKinds {
  private SymbolKinds() {}

  public static String name(SymbolInfo symbol) {
    if (symbol instanceof SymbolInfo.Function) {
      return "function";
    } else if (symbol instanceof SymbolInfo.Data) {
      return "data";
    } else if (symbol instanceof SymbolInfo.Global) {
      return "global";
    } else if (symbol instanceof SymbolInfo.Table) {
      return "table";
    } else if (symbol instanceof SymbolInfo.ExceptionTag) {
      return "tag";
    }
    return "section";
  }
}
