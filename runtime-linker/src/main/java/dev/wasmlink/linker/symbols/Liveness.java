package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks what the output keeps ({@code --gc-sections}, wasm-ld's default): everything reachable through relocations
 * from the roots (the entry point, exports, no-strip symbols, retained segments, constructors). Without GC every
 * chunk of every object in the link is kept.
 */
public final class Liveness {
  private final Deque<Object> work = new ArrayDeque<>();
  private final Map<InputObject, List<Symbol>> initFunctions = new IdentityHashMap<>();
  private final Set<InputObject> liveObjects = Collections.newSetFromMap(new IdentityHashMap<>());
  private final RelocationRegistry registry = RelocationRegistry.standard();

  /** Registers a constructor of an object: it becomes live with its object. */
  public void addInitFunction(InputObject object, Symbol function) {
    initFunctions.computeIfAbsent(object, o -> new ArrayList<>()).add(function);
  }

  /**
   * Marks an object live: its constructors with it. An object is live when given on the command line or when
   * anything it defines is; a library member nobody needs keeps its constructors out, as in wasm-ld.
   */
  public void markObjectLive(InputObject object) {
    if (object != null && liveObjects.add(object)) {
      initFunctions.getOrDefault(object, List.of()).forEach(this::markLive);
    }
  }

  /** Marks a symbol live, and through it what defines it. */
  public void markLive(Symbol symbol) {
    if (symbol == null || symbol.isLive()) {
      return;
    }
    symbol.markLive();
    markStringLive(symbol);
    if (symbol.function() != null) {
      enqueue(symbol.function());
    } else if (symbol.segment() != null) {
      enqueue(symbol.segment());
    } else if (symbol.global() != null) {
      symbol.global().markLive();
      markObjectLive(symbol.global().file());
    } else if (symbol.tag() != null) {
      symbol.tag().markLive();
      markObjectLive(symbol.tag().file());
    } else if (symbol.table() != null) {
      symbol.table().markLive();
      markObjectLive(symbol.table().file());
    } else if (symbol.lazy() != null) {
      return;
    }
  }

  public void markLive(InputFunction function) {
    enqueue(function);
  }

  public void markLive(InputSegment segment) {
    enqueue(segment);
  }

  private void enqueue(Object chunk) {
    if (chunk instanceof InputFunction function && !function.isLive()) {
      function.markLive();
      work.add(function);
      markObjectLive(function.file());
    } else if (chunk instanceof InputSegment segment && !segment.isLive()) {
      segment.markLive();
      work.add(segment);
      markObjectLive(segment.file());
    }
  }

  /** Follows relocations from every chunk marked so far until nothing new is reached. */
  public void propagate() {
    while (!work.isEmpty()) {
      Object chunk = work.poll();
      if (chunk instanceof InputFunction function && function.file() != null) {
        follow(function.file(), function.file().relocations(function));
      } else if (chunk instanceof InputSegment segment) {
        follow(segment.file(), segment.file().relocations(segment));
      }
    }
  }

  private void follow(InputObject file, Iterable<RelocationEntry> relocations) {
    for (RelocationEntry entry : relocations) {
      if (registry.kindOf(entry.type()).target() != RelocationTarget.TYPE) {
        Symbol symbol = file.symbol(entry.index());
        markLive(symbol);
        markStringLive(symbol);
      }
    }
  }

  /**
   * In a string segment, only the strings live symbols name are kept: the one the symbol starts in, as wasm-ld
   * decides it. A relocation's addend plays no part (as in the address, it counts from wherever that string went).
   */
  private static void markStringLive(Symbol symbol) {
    if (symbol.segment() != null && symbol.segment().isMergeableStrings()) {
      symbol.segment().markPieceLive(symbol.offset());
    }
  }

  /** Marks every chunk of every object live, for {@code --no-gc-sections}. */
  public void markEverything(SymbolTable symbols) {
    for (InputObject object : symbols.objects()) {
      for (InputFunction function : object.functions()) {
        if (!object.isDiscarded(function)) {
          enqueue(function);
        }
      }
      for (InputSegment segment : object.segments()) {
        if (!object.isDiscarded(segment)) {
          enqueue(segment);
          segment.markAllPiecesLive();
        }
      }
      object.globals().forEach(InputGlobal::markLive);
      // Every tag, the copies whose weak symbol lost included, as wasm-ld writes them without GC.
      object.tags().forEach(InputTag::markLive);
      object.tables().forEach(InputTable::markLive);
      for (int i = 0; i < object.symbolCount(); i++) {
        Symbol symbol = object.symbol(i);
        if (symbol.isDefined()) {
          markLive(symbol);
        }
      }
    }
  }
}
