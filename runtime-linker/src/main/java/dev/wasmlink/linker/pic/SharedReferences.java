package dev.wasmlink.linker.pic;

import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationTarget;

/**
 * References to what a shared library provides, in a static link (no {@code -pie}, no {@code -shared}). Calls and
 * GOT reads work there (the function is imported, the GOT entry is a {@code GOT.mem}/{@code GOT.func} import), but
 * an address written into code or data cannot be: the library's data and table slots are placed at load time, and
 * nothing in a static module stores them again. wasm-ld writes 0 there, a wrong program; wasmlink refuses it.
 */
public final class SharedReferences {
  private SharedReferences() {}

  /** What is wrong with one relocation of a static link against a shared library's symbol, or {@code null}. */
  public static String inStaticLink(InputObject object, RelocationEntry entry, RelocationRegistry registry,
      DisplayNames names) {
    RelocationKind kind = registry.byCode(entry.type()).kind();
    if (kind.target() == RelocationTarget.TYPE) {
      return null;
    }
    Symbol symbol = object.symbol(entry.index());
    RelocationRule rule = kind.rule();
    boolean address = rule == RelocationRule.MEMORY_ADDRESS || rule == RelocationRule.MEMORY_ADDRESS_RELATIVE
        || rule == RelocationRule.TABLE_SLOT || rule == RelocationRule.TABLE_SLOT_RELATIVE;
    if (!symbol.isShared() || !address) {
      return null;
    }
    return object.name() + ": relocation " + kind.name() + " cannot be used against symbol `"
        + names.of(symbol.name()) + "` of shared library " + symbol.sharedLibrary()
        + " in a static link: its address is only known when loaded; link with -pie";
  }
}
