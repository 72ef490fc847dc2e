package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.layout.MemoryLayout;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every relocation of the chunks it is shown against thread-local storage's rules, before anything is laid
 * out, and explains what breaks them. wasm-ld's rules: a TLS relocation needs a defined symbol
 * ({@link #undefinedTarget}); with shared memory, a thread-local one in a thread-local segment. Added here: with
 * shared memory, a kind its catalogue declares {@code forbiddenAgainstTls} may not reach a thread-local (wasm's own
 * memory-address kinds are not so declared: against a thread-local they give its offset in the block, which older
 * compilers add to {@code __tls_base}).
 *
 * <p>A TLS relocation against an ordinary global is grouped by symbol into one {@link TlsMismatch} with its root
 * cause, instead of a line per relocation. A symbol whose segment is thread-local though the symbol is not flagged so
 * (what some compilers wrote) is thread-local: it is noted, not refused.
 */
public final class ThreadLocalAudit {
  private final boolean sharedMemory;
  private final RelocationRegistry registry;
  private final Set<String> errors = new LinkedHashSet<>();
  private final Map<Symbol, TlsMismatch> mismatches = new LinkedHashMap<>();
  private final Set<Symbol> unflaggedThreadLocals = new LinkedHashSet<>();

  public ThreadLocalAudit(boolean sharedMemory, RelocationRegistry registry) {
    this.sharedMemory = sharedMemory;
    this.registry = registry;
  }

  /** Checks the relocations of one chunk of {@code object}; {@code user} names the chunk in messages. */
  public void scan(InputObject object, List<RelocationEntry> relocations, String user) {
    for (RelocationEntry entry : relocations) {
      RelocationKind kind = registry.kindOf(entry.type());
      if (kind.target() != RelocationTarget.DATA || !(kind.tlsOnly() || kind.forbiddenAgainstTls())) {
        continue;
      }
      Symbol symbol = object.symbol(entry.index());
      if (kind.tlsOnly()) {
        checkThreadLocalUse(object, user, kind, symbol);
      } else if (sharedMemory && symbol.isDefined() && symbol.isTls()) {
        errors.add(object.name() + ": relocation " + kind.name() + " cannot be used against TLS symbol `"
            + symbol.name() + "`"
            + "\n>>> `" + symbol.name() + "` is thread-local where " + definer(symbol) + " defines it, but " + user
            + " uses its absolute address, which reaches the main thread's copy only"
            + "\n>>> fix: " + absoluteAddressAdvice(object, symbol));
      }
    }
  }

  /**
   * wasm-ld's first rule, checked as uses are scanned, relocation by relocation, so that its line comes before the
   * undefined-symbol report of the same use: a TLS relocation needs a defined symbol. {@code null} when it has one.
   */
  public static String undefinedTarget(InputObject object, RelocationEntry entry, RelocationRegistry registry) {
    RelocationKind kind = registry.kindOf(entry.type());
    if (kind.target() != RelocationTarget.DATA || !kind.tlsOnly()) {
      return null;
    }
    Symbol symbol = object.symbol(entry.index());
    return symbol.isUndefined() ? object.name() + ": relocation " + kind.name()
        + " cannot be used against an undefined symbol `" + symbol.name() + "`" : null;
  }

  private void checkThreadLocalUse(InputObject object, String user, RelocationKind kind, Symbol symbol) {
    if (symbol.isUndefined()) {
      // Reported as uses are scanned (undefinedTarget).
      return;
    }
    boolean flagged = (symbol.flags() & SymbolFlags.TLS) != 0;
    boolean inTlsSegment = symbol.segment() != null && symbol.segment().isTls();
    if (inTlsSegment && !flagged) {
      unflaggedThreadLocals.add(symbol);
    }
    if (!sharedMemory) {
      // Single-threaded, thread_local is lowered to plain memory: any defined data symbol will do.
      return;
    }
    if (!symbol.isTls()) {
      if (symbol.kind() == SymbolKind.DATA && symbol.file() != null && symbol.segment() != null) {
        mismatches.computeIfAbsent(symbol, s -> new TlsMismatch(s, ThreadSupport.of(s.file())))
            .addReference(object, user, kind.name());
      } else {
        errors.add(object.name() + ": relocation " + kind.name() + " cannot be used against non-TLS symbol `"
            + symbol.name() + "`");
      }
    } else if (!inTlsSegment && symbol.segment() != null) {
      errors.add(object.name() + ": relocation " + kind.name() + " cannot be used against `" + symbol.name()
          + "` in non-TLS section: " + MemoryLayout.outputName(symbol.segment(), true)
          + "\n>>> " + definer(symbol) + " flags `" + symbol.name() + "` thread-local, yet defines it in segment "
          + symbol.segment().name() + ", which is neither flagged TLS nor named .tdata*/.tbss*: the object contradicts"
          + " itself (in assembly, a `@TLSREL` use makes the symbol TLS; put its definition in a section with the"
          + " \"T\" flag, or drop the TLS use)");
    }
  }

  /**
   * An object built without threads lowered its {@code thread_local} declaration to a plain global; one built with
   * threads declares the symbol without {@code thread_local} (or takes its address in a constant initializer).
   */
  private static String absoluteAddressAdvice(InputObject object, Symbol symbol) {
    ThreadSupport support = ThreadSupport.of(object);
    if (!support.isReady()) {
      return support.rebuildAdvice(object.name()) + ", so that it reaches the variable through __tls_base";
    }
    return "declare `" + symbol.name() + "` `thread_local`/`_Thread_local` where " + object.name()
        + " uses it, so that the compiler reaches it through __tls_base";
  }

  private static String definer(Symbol symbol) {
    return symbol.file() != null ? symbol.file().name() : "the linker";
  }

  /** Every problem found, one message each (a mismatch is one message, however many relocations it has). */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(errors);
    mismatches.values().forEach(mismatch -> problems.add(mismatch.describe()));
    return problems;
  }

  public List<TlsMismatch> mismatches() {
    return List.copyOf(mismatches.values());
  }

  /** Symbols used as thread-local that sit in a thread-local segment without the TLS flag: linked as thread-local. */
  public Set<Symbol> unflaggedThreadLocals() {
    return unflaggedThreadLocals;
  }
}
