package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.SymbolInfo;

/** The kinds of symbol a symbol table holds, as the linking section's symbol kinds. */
public enum SymbolKind {
  FUNCTION,
  DATA,
  GLOBAL,
  SECTION,
  TAG,
  TABLE;

  static SymbolKind of(SymbolInfo info) {
    if (info instanceof SymbolInfo.Function) {
      return FUNCTION;
    } else if (info instanceof SymbolInfo.Data) {
      return DATA;
    } else if (info instanceof SymbolInfo.Global) {
      return GLOBAL;
    } else if (info instanceof SymbolInfo.Section) {
      return SECTION;
    } else if (info instanceof SymbolInfo.ExceptionTag) {
      return TAG;
    }
    return TABLE;
  }

  public String words() {
    return name().toLowerCase();
  }
}
