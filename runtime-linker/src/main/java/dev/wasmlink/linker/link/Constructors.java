package dev.wasmlink.linker.link;

import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Liveness;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.wasm.FunctionIndexLebHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects' constructors (their {@code init_funcs}) and {@code __wasm_call_ctors}, which runs those that are live.
 * A constructor is live when its object is: given on the command line, or with anything else of it live, as wasm-ld
 * decides ({@link Liveness#addInitFunction}). A constructor may be a function the object does not define (C++'s
 * {@code llvm.global_ctors} can name a declaration): it is then a use of an undefined symbol like a call, and runs
 * as whatever the link makes of it, an import under {@code --allow-undefined}.
 */
final class Constructors {
  private static final TypeEntry.FunctionType VOID = new TypeEntry.FunctionType(List.of(), List.of());

  /**
   * A constructor of an object, with its priority and its place in link order (ties keep that order), and its index
   * in the object's symbol table.
   */
  private record Constructor(int priority, int order, Symbol symbol, InputObject object, int index) {}

  private final List<Constructor> all;

  private Constructors(List<Constructor> all) {
    this.all = all;
  }

  /**
   * Every constructor of every object in the link whose function did not lose its comdat, or that no object defines.
   */
  static Constructors collect(List<InputObject> objects) {
    List<Constructor> constructors = new ArrayList<>();
    for (InputObject object : objects) {
      for (LinkingSubsection.InitFunction init : object.initFunctions()) {
        Symbol symbol = object.symbol(init.symbol());
        if (symbol.function() != null ? !object.isDiscarded(symbol.function()) : symbol.isUndefined()) {
          constructors.add(new Constructor(init.priority(), constructors.size(), symbol, object, init.symbol()));
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
   * The calls {@code __wasm_call_ctors} makes to live constructors no object defines, by object, each as the
   * relocation a call in that object would carry: they are uses of undefined symbols like any call, reported, imported
   * or given a trap by the link's policy (wasm-ld 19 imports them under {@code --allow-undefined} and
   * {@code --import-undefined}, and crashes otherwise).
   */
  Map<InputObject, List<RelocationEntry>> undefinedCalls() {
    Map<InputObject, List<RelocationEntry>> calls = new LinkedHashMap<>();
    for (Constructor constructor : all) {
      if (constructor.symbol().isUndefined() && constructor.symbol().isLive()) {
        calls.computeIfAbsent(constructor.object(), object -> new ArrayList<>())
            .add(new RelocationEntry(FunctionIndexLebHandler.KIND.code(), 0, constructor.index(), null));
      }
    }
    return calls;
  }

  /**
   * Defines {@code __wasm_call_ctors} (unless an object does): {@code before}, then the live constructors by priority,
   * in link order within one; live when something calls it or it has something to run.
   */
  void defineCallCtors(Symbol callCtors, List<Symbol> before) {
    List<Constructor> live = new ArrayList<>();
    for (Constructor constructor : all) {
      if (isLive(constructor.symbol())) {
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

  /** A defined constructor runs when its function is kept; an undefined one when its object made it live. */
  private static boolean isLive(Symbol constructor) {
    return constructor.function() != null ? constructor.function().isLive() : constructor.isLive();
  }
}
