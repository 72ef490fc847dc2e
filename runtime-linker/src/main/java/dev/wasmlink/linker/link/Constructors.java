package dev.wasmlink.linker.link;

import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Liveness;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.TypeEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The objects' constructors (their {@code init_funcs}) and {@code __wasm_call_ctors}, which runs those that are live.
 * A constructor is live when its object is: given on the command line, or with anything else of it live, as wasm-ld
 * decides ({@link Liveness#addInitFunction}).
 */
final class Constructors {
  private static final TypeEntry.FunctionType VOID = new TypeEntry.FunctionType(List.of(), List.of());

  /** A constructor of an object, with its priority and its place in link order (ties keep that order). */
  private record Constructor(int priority, int order, Symbol symbol, InputObject object) {}

  private final List<Constructor> all;

  private Constructors(List<Constructor> all) {
    this.all = all;
  }

  /** Every constructor of every object in the link whose function did not lose its comdat. */
  static Constructors collect(List<InputObject> objects) {
    List<Constructor> constructors = new ArrayList<>();
    for (InputObject object : objects) {
      for (LinkingSubsection.InitFunction init : object.initFunctions()) {
        Symbol symbol = object.symbol(init.symbol());
        if (symbol.function() != null && !object.isDiscarded(symbol.function())) {
          constructors.add(new Constructor(init.priority(), constructors.size(), symbol, object));
        }
      }
    }
    return new Constructors(constructors);
  }

  /** Whether any object has a constructor. */
  boolean any() {
    return !all.isEmpty();
  }

  /** Tells liveness which function of which object is a constructor, to run when its object is live. */
  void addTo(Liveness liveness) {
    for (Constructor constructor : all) {
      liveness.addInitFunction(constructor.object(), constructor.symbol());
    }
  }

  /**
   * Defines {@code __wasm_call_ctors} (unless an object does): {@code before}, then the live constructors by priority,
   * in link order within one; live when something calls it or it has something to run.
   */
  void defineCallCtors(Symbol callCtors, List<Symbol> before) {
    List<Constructor> live = new ArrayList<>();
    for (Constructor constructor : all) {
      if (constructor.symbol().function().isLive()) {
        live.add(constructor);
      }
    }
    live.sort(Comparator.comparingInt(Constructor::priority).thenComparingInt(Constructor::order));
    List<InputFunction.Call> calls = new ArrayList<>();
    for (Symbol function : before) {
      calls.add(new InputFunction.Call(function, false));
    }
    for (Constructor constructor : live) {
      calls.add(new InputFunction.Call(constructor.symbol(), false));
    }
    if (callCtors.isUndefined() || callCtors.isSynthetic()) {
      InputFunction function = InputFunction.calling("__wasm_call_ctors", VOID, calls);
      SymbolTable.defineFunction(callCtors, function);
      if (callCtors.isLive() || !calls.isEmpty()) {
        callCtors.markLive();
        function.markLive();
      }
    }
  }
}
