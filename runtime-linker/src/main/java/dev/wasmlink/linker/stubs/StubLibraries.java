package dev.wasmlink.linker.stubs;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.input.StubLibrary;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves the link against stub libraries once every input is read, as wasm-ld 19 does: each symbol a stub provides
 * that the link still lacks becomes an import (the first stub to name it decides), and the symbols it depends on must
 * be defined by the link, which then exports them for the library; those an archive defines are read in, which may
 * leave further symbols for the stubs, so it goes round until nothing changes.
 */
public final class StubLibraries {
  private StubLibraries() {}

  /** @return the symbols the stubs' libraries need, which the output exports */
  public static List<Symbol> resolve(List<StubLibrary> stubs, SymbolTable symbols, Diagnostics diagnostics) {
    List<Symbol> exported = new ArrayList<>();
    boolean extracted;
    do {
      extracted = false;
      for (StubLibrary stub : stubs) {
        for (Map.Entry<String, List<String>> provided : stub.dependencies().entrySet()) {
          Symbol symbol = symbols.find(provided.getKey());
          if (symbol == null || symbol.kind() == null || !symbol.isUndefined() || symbol.isForcedImport()) {
            continue;
          }
          symbols.forceImport(symbol);
          for (String name : provided.getValue()) {
            extracted |= requireDependency(stub, symbol, name, symbols, diagnostics, exported);
          }
        }
      }
    } while (extracted);
    return exported;
  }

  /** Requires one dependency of {@code symbol}; returns whether an archive member was read for it. */
  private static boolean requireDependency(StubLibrary stub, Symbol symbol, String name, SymbolTable symbols,
      Diagnostics diagnostics, List<Symbol> exported) {
    Symbol needed = symbols.find(name);
    boolean lazy = needed != null && needed.lazy() != null && (needed.kind() == null || needed.isUndefined());
    if (needed == null || !lazy && (needed.kind() == null || needed.isUndefined())) {
      diagnostics.error(stub.path() + ": undefined symbol: " + name + ". Required by " + symbol.name());
      return false;
    }
    if (lazy) {
      symbols.reference(name, stub.path());
      needed = symbols.find(name);
    }
    if (!exported.contains(needed)) {
      exported.add(needed);
    }
    return lazy;
  }
}
