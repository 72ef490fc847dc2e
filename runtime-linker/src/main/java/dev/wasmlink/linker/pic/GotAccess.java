package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import java.util.function.Predicate;

/**
 * Which symbols a position-independent module reaches through the loader, as wasm-ld 19 decides (its
 * {@code requiresGOTAccess}): those another module may define. An undefined symbol of default visibility is one; so
 * is, in a shared library, every symbol of default visibility it defines, since the main module or an earlier library
 * may define it first, unless {@code -Bsymbolic} binds the library's references to its own definitions. A PIE's own
 * definitions are final. What a shared library given as an input provides always comes from the loader.
 *
 * @param shared {@code -shared}
 * @param bsymbolic {@code -Bsymbolic}
 */
public record GotAccess(boolean shared, boolean bsymbolic) {

  /** Whether {@code symbol}'s address comes from the loader, through a {@code GOT.mem} or {@code GOT.func} import. */
  public boolean isLoaderProvided(Symbol symbol) {
    if (symbol.isShared()) {
      return true;
    }
    if (symbol.isHidden() || symbol.isLocal()) {
      return false;
    }
    return symbol.isUndefined() || shared && !bsymbolic;
  }

  /**
   * Which symbols a static link reaches through the loader: what a shared library given as an input provides and,
   * with {@code --unresolved-symbols=import-dynamic}, what nothing defines (but undefined weak functions, which get
   * their traps, and hidden or local symbols, which no other module can define).
   */
  public static Predicate<Symbol> inStaticLink(boolean importDynamic) {
    return symbol -> symbol.isShared() || importDynamic && symbol.isUndefined() && !symbol.isHidden()
        && !symbol.isLocal() && !(symbol.kind() == SymbolKind.FUNCTION && symbol.isWeak());
  }

  /**
   * Whether a defined function is imported as well, so that calls reach whichever definition the loader chose: a
   * shared library's weak definitions of default visibility, which an earlier module may override.
   */
  public boolean isOverridable(Symbol symbol) {
    return shared && symbol.isDefined() && symbol.isWeak() && !symbol.isHidden() && !symbol.isLocal();
  }
}
