package dev.wasmlink.linker.undefined;

import dev.wasmlink.linker.symbols.ChunkNames;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fate of every symbol the output needs and nothing defines, decided as wasm-ld 19 decides it:
 * <ul>
 *   <li>imported, when the policy or the object's own import name says so ({@link #imports});
 *   <li>a weak function that live code calls reaches a trap, {@code undefined_weak:NAME}, and its address is 0;
 *       weak data is at address 0;
 *   <li>any other use is reported, once per relocation that makes it and in the order wasm-ld scans them (as an
 *       error, a warning, or not at all, per {@link UndefinedPolicy}); a function that is not imported then reaches a
 *       trap of its signature, {@code undefined_stub}, so that a link that goes on still validates.
 * </ul>
 * {@link #scan} sees the relocations of every live chunk, in link order, before anything is laid out.
 */
public final class UndefinedSymbols {
  /** One use to report: an error or a warning, by which object of which symbol. */
  public record Report(boolean error, InputObject user, Symbol symbol) {}

  private final UndefinedPolicy policy;
  private final RelocationRegistry registry;
  private final Set<Symbol> imported = new HashSet<>();
  private final Set<Symbol> importedForLoader = new HashSet<>();
  private final List<Report> reports = new ArrayList<>();
  private final Set<Symbol> calledWeak = new HashSet<>();
  private final Map<TypeEntry.FunctionType, InputFunction> undefinedStubs = new LinkedHashMap<>();
  private final Map<Symbol, InputFunction> stubs = new LinkedHashMap<>();
  private final List<InputFunction> weakStubs = new ArrayList<>();

  public UndefinedSymbols(UndefinedPolicy policy, RelocationRegistry registry) {
    this.policy = policy;
    this.registry = registry;
  }

  /** The live undefined symbols that become imports, in symbol-table order. */
  public List<Symbol> imports(Collection<Symbol> globals) {
    List<Symbol> imports = new ArrayList<>();
    for (Symbol symbol : globals) {
      if (symbol.kind() == null || !symbol.isLive() || !symbol.isUndefined()) {
        continue;
      }
      if (symbol.isShared()) {
        // A shared library given as an input provides it: its functions are imported, its data reached by GOT.mem.
        if (symbol.kind() != SymbolKind.DATA) {
          imports.add(symbol);
          imported.add(symbol);
        }
        continue;
      }
      if (symbol.isWeak()) {
        continue;
      }
      if (policy.imports(isExplicitImport(symbol), symbol.kind() == SymbolKind.DATA, symbol.name())) {
        imports.add(symbol);
        imported.add(symbol);
      }
    }
    return imports;
  }

  /**
   * Records the imports of a position-independent output, which its own rules chose: uses of them are still reported
   * as the policy says (wasm-ld does), but none reaches a trap, since the loader provides each.
   */
  public void importForLoader(List<Symbol> imports) {
    importedForLoader.addAll(imports);
  }

  private static boolean isExplicitImport(Symbol symbol) {
    return symbol.importName() != null || symbol.importModule() != null || symbol.isForcedImport();
  }

  /**
   * Reads the relocations of one live chunk of {@code object}: reports each use of an undefined symbol that nothing
   * excuses, gives undefined functions their stubs, and notes which undefined weak functions are called.
   *
   * @param names which symbols are about to be defined by the linker after all (section boundaries): not reported
   */
  public void scan(InputObject object, List<RelocationEntry> relocations, Set<String> names) {
    for (RelocationEntry entry : relocations) {
      RelocationKind kind = registry.kindOf(entry.type());
      if (kind.target() == RelocationTarget.TYPE) {
        continue;
      }
      Symbol symbol = object.symbol(entry.index());
      if (!symbol.isUndefined() || symbol.isShared() || imported.contains(symbol) || names.contains(symbol.name())) {
        continue;
      }
      if (symbol.isWeak()) {
        if (symbol.kind() == SymbolKind.FUNCTION && kind.rule() == RelocationRule.FUNCTION_INDEX
            && !importedForLoader.contains(symbol)) {
          calledWeak.add(symbol);
        }
        continue;
      }
      boolean function = symbol.kind() == SymbolKind.FUNCTION;
      if (policy.report() != UndefinedPolicy.Report.NONE
          && !policy.excuses(isExplicitImport(symbol), function, symbol.name())) {
        reports.add(new Report(policy.report() == UndefinedPolicy.Report.ERROR, object, symbol));
      }
      if (function && policy.stubsFunctions() && !stubs.containsKey(symbol) && !importedForLoader.contains(symbol)) {
        InputFunction stub = undefinedStubs.computeIfAbsent(symbol.signature(),
            signature -> InputFunction.trap("undefined_stub", signature));
        stub.markLive();
        stubs.put(symbol, stub);
      }
    }
  }

  /**
   * The traps of the undefined weak functions live code calls, {@code undefined_weak:NAME}, in symbol-table order;
   * decided once every live chunk is scanned.
   */
  public List<InputFunction> weakStubs(Collection<Symbol> globals) {
    if (weakStubs.isEmpty()) {
      for (Symbol symbol : globals) {
        if (calledWeak.contains(symbol)) {
          InputFunction stub = InputFunction.trap(ChunkNames.undefinedWeakTrap(symbol.name()),
              symbol.signature());
          stub.markLive();
          stubs.put(symbol, stub);
          weakStubs.add(stub);
        }
      }
    }
    return weakStubs;
  }

  /** The traps of undefined functions that are neither weak nor imported, one per signature, in the order met. */
  public Collection<InputFunction> undefinedStubs() {
    return undefinedStubs.values();
  }

  /** Every stubbed symbol and the trap its calls reach. */
  public Map<Symbol, InputFunction> stubs() {
    return stubs;
  }

  /** The uses reported, in order. */
  public List<Report> reports() {
    return reports;
  }

  public boolean isImported(Symbol symbol) {
    return imported.contains(symbol);
  }
}
