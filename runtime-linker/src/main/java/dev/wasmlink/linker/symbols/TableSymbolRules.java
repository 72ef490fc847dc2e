package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.SymbolInfo;

/**
 * Tables and their symbols must match, as wasm-ld 19 requires: an object built with reference types has one symbol
 * per table; one built for the MVP has none and may only import {@code __indirect_function_table}, which
 * {@code call_indirect} then uses without saying so.
 */
public final class TableSymbolRules {
  private static final String INDIRECT_FUNCTION_TABLE = "__indirect_function_table";

  private TableSymbolRules() {}

  /** wasm-ld's error for the object, or {@code null} when its tables and table symbols agree. */
  public static String problem(InputObject object) {
    int tables = object.tableImports().size() + object.definedTableCount();
    long symbols = object.symbolInfos().stream().filter(info -> info instanceof SymbolInfo.Table).count();
    if (symbols != 0) {
      return symbols == tables ? null : object.name() + ": expected one symbol table entry for each of the " + tables
          + " table(s) present, but got " + symbols + " symbol(s) instead.";
    }
    if (tables == 0) {
      return null;
    }
    if (object.definedTableCount() > 0) {
      return object.name() + ": unexpected table definition(s) without corresponding symbol-table entries.";
    }
    if (object.tableImports().size() > 1) {
      return object.name() + ": multiple table imports, but no corresponding symbol-table entries.";
    }
    String field = object.tableImports().get(0).field();
    return field.equals(INDIRECT_FUNCTION_TABLE) ? null
        : object.name() + ": table import " + field + " is missing a symbol table entry.";
  }
}
