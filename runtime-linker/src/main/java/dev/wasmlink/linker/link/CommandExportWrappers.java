package dev.wasmlink.linker.link;

import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wrappers wasm-ld gives a command's exported functions so that each call from the host runs the constructors
 * first and the destructors after: {@code NAME.command_export} calls {@code __wasm_call_ctors}, the function, then
 * libc's {@code __wasm_call_dtors}.
 */
final class CommandExportWrappers {
  private final LinkSettings settings;
  private final SymbolTable symbols;
  private final Symbol callCtors;
  private final boolean hasConstructors;
  private final Map<Symbol, InputFunction> wrappers = new LinkedHashMap<>();

  /** @param hasConstructors whether any object of the link has a constructor (live or not yet known) */
  CommandExportWrappers(LinkSettings settings, SymbolTable symbols, Symbol callCtors, boolean hasConstructors) {
    this.settings = settings;
    this.symbols = symbols;
    this.callCtors = callCtors;
    this.hasConstructors = hasConstructors;
  }

  /** A wrapper for each exported function, when {@link #needed}; the wrappers, to follow the other functions. */
  List<InputFunction> create(List<Symbol> exported) {
    if (!needed()) {
      return List.of();
    }
    Symbol dtors = definedDtors();
    boolean hasCtors = callCtors.isLive();
    boolean hasDtors = dtors != null;
    List<InputFunction> created = new ArrayList<>();
    for (Symbol symbol : exported) {
      if (symbol.kind() != SymbolKind.FUNCTION || symbol.function() == null) {
        continue;
      }
      List<InputFunction.Call> calls = new ArrayList<>();
      if (hasCtors) {
        calls.add(new InputFunction.Call(callCtors, false));
      }
      calls.add(new InputFunction.Call(symbol, true));
      if (hasDtors) {
        calls.add(new InputFunction.Call(dtors, false));
      }
      InputFunction wrapper = InputFunction.calling(symbol.name() + ".command_export", symbol.signature(), calls);
      created.add(wrapper);
      wrappers.put(symbol, wrapper);
    }
    return created;
  }

  /** libc's {@code __wasm_call_dtors} when an input defines it, else {@code null}. */
  Symbol definedDtors() {
    Symbol dtors = symbols.find("__wasm_call_dtors");
    return dtors != null && dtors.function() != null ? dtors : null;
  }

  /**
   * Whether a command's exports need wrappers: there are constructors or a destructor runner to call, and nothing
   * else runs them (no input calls {@code __wasm_call_ctors} and the command line does not export it for the host, nor
   * makes it the entry). A position-independent module is no command: its loader runs the constructors.
   */
  boolean needed() {
    boolean exportsCallCtors = settings.exportAll() || settings.exports().contains(callCtors.name())
        || settings.exportsIfDefined().contains(callCtors.name()) || callCtors.name().equals(settings.entry());
    if (settings.isPic()) {
      return false;
    }
    return (hasConstructors || definedDtors() != null) && !isReferencedByInputs(callCtors)
        && !exportsCallCtors;
  }

  private boolean isReferencedByInputs(Symbol symbol) {
    for (InputObject object : symbols.objects()) {
      for (int i = 0; i < object.symbolCount(); i++) {
        if (object.symbol(i) == symbol) {
          return true;
        }
      }
    }
    return false;
  }

  /** Each wrapped function's wrapper, once {@link #create} has run. */
  Map<Symbol, InputFunction> byFunction() {
    return wrappers;
  }
}
