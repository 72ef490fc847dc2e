package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data symbol that code uses as thread-local but whose definition is an ordinary global, with everything that
 * refers to it that way and the root cause: the defining object was built without thread support, so its compiler
 * lowered {@code thread_local} to a plain global; or it was built with threads and the declarations disagree.
 */
public final class TlsMismatch {
  /** Why the definition is not thread-local. */
  public enum Cause {
    /** The defining object lacks atomics/bulk-memory (or says -shared-mem): thread_local was lowered. */
    DEFINED_WITHOUT_THREADS,
    /** The defining object was built for threads, yet defines the symbol as an ordinary global. */
    DECLARATIONS_DISAGREE
  }

  private final Symbol symbol;
  private final Cause cause;
  private final ThreadSupport definerSupport;
  private final Map<String, List<String>> referencesByObject = new LinkedHashMap<>();
  private String firstRelocation;
  private String firstReferencer;
  private int relocationCount;

  TlsMismatch(Symbol symbol, ThreadSupport definerSupport) {
    this.symbol = symbol;
    this.definerSupport = definerSupport;
    this.cause = definerSupport.isReady() ? Cause.DECLARATIONS_DISAGREE : Cause.DEFINED_WITHOUT_THREADS;
  }

  /** Records one TLS relocation against the symbol, from {@code user} (a function or segment) of {@code object}. */
  void addReference(InputObject object, String user, String relocation) {
    if (firstRelocation == null) {
      firstRelocation = relocation;
      firstReferencer = object.name();
    }
    relocationCount++;
    List<String> users = referencesByObject.computeIfAbsent(object.name(), name -> new ArrayList<>());
    if (!users.contains(user)) {
      users.add(user);
    }
  }

  public Symbol symbol() {
    return symbol;
  }

  public Cause cause() {
    return cause;
  }

  /** The objects that use the symbol as thread-local, each with the functions (or segments) that do. */
  public Map<String, List<String>> referencesByObject() {
    return referencesByObject;
  }

  public int relocationCount() {
    return relocationCount;
  }

  /**
   * The diagnosis: wasm-ld's own line for the first relocation (so the message people search for stays), then who
   * uses the symbol as thread-local, where it is defined, the cause and the fix.
   */
  public String describe() {
    String name = symbol.name();
    String definer = symbol.file().name();
    String segment = symbol.segment() != null ? symbol.segment().name() : "(no segment)";
    StringBuilder text = new StringBuilder();
    text.append(firstReferencer).append(": relocation ").append(firstRelocation)
        .append(" cannot be used against non-TLS symbol `").append(name).append('`');
    if (relocationCount > 1) {
      text.append(" (and ").append(relocationCount - 1).append(relocationCount == 2 ? " more relocation)" : " more relocations)");
    }
    text.append("\n>>> `").append(name).append("` is thread-local where it is used but an ordinary global where ")
        .append(definer).append(" defines it, in segment ").append(segment);
    text.append("\n>>> used as thread-local by ").append(ReferenceList.render(referencesByObject));
    if (cause == Cause.DEFINED_WITHOUT_THREADS) {
      text.append("\n>>> cause: ").append(definer).append(" was built without thread support (its target_features ")
          .append(definerSupport.shortfall()).append("), so its compiler turned `thread_local`/`_Thread_local`")
          .append(" into an ordinary global");
      text.append("\n>>> fix: ").append(definerSupport.rebuildAdvice(definer));
    } else {
      text.append("\n>>> cause: ").append(definer).append(" was built with thread support, so the declarations")
          .append(" disagree: ").append(String.join(", ", referencesByObject.keySet())).append(" declare")
          .append(referencesByObject.size() == 1 ? "s" : "").append(" `").append(name).append("` thread-local, ")
          .append(definer).append(" defines it as an ordinary global");
      text.append("\n>>> fix: make the declaration and the definition agree: define `").append(name)
          .append("` as `thread_local`/`_Thread_local` in ").append(definer)
          .append(", or drop `thread_local` from the declaration the users see");
    }
    return text.toString();
  }
}
