package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.function.Predicate;

/**
 * References to what the loader provides, in a static link (no {@code -pie}, no {@code -shared}): what a shared
 * library given as an input defines, and with {@code --unresolved-symbols=import-dynamic} what nothing defines. Calls
 * and GOT reads work there (the function is imported, the GOT entry is a {@code GOT.mem}/{@code GOT.func} import),
 * but an address written into code or data cannot be: it is only known at load time, and nothing in a static module
 * stores it then. wasm-ld writes 0 there (or, for import-dynamic data, stores it from an exported
 * {@code __wasm_apply_data_relocs} that wasmlink does not write); wasmlink refuses it in one line.
 */
public final class SharedReferences {
  private SharedReferences() {}

  /** What is wrong with one relocation of a static link against a shared library's symbol, or {@code null}. */
  public static String inStaticLink(InputObject object, RelocationEntry entry, RelocationRegistry registry,
      DisplayNames names, Predicate<Symbol> loaderProvided) {
    RelocationKind kind = registry.kindOf(entry.type());
    if (kind.target() == RelocationTarget.TYPE) {
      return null;
    }
    Symbol symbol = object.symbol(entry.index());
    RelocationRule rule = kind.rule();
    boolean address = rule == RelocationRule.MEMORY_ADDRESS || rule == RelocationRule.MEMORY_ADDRESS_RELATIVE
        || rule == RelocationRule.TABLE_SLOT || rule == RelocationRule.TABLE_SLOT_RELATIVE;
    if (!address || !loaderProvided.test(symbol)) {
      return null;
    }
    String whose = symbol.isShared() ? " of shared library " + symbol.sharedLibrary()
        : ", which --unresolved-symbols=import-dynamic leaves to the loader,";
    return object.name() + ": relocation " + kind.name() + " cannot be used against symbol `"
        + names.of(symbol.name()) + "`" + whose + " in a static link: its address is only known when loaded; link"
        + " with -pie";
  }
}
