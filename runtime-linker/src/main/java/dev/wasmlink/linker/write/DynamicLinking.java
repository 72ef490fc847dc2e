package dev.wasmlink.linker.write;

import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.DylinkSection;

/**
 * What the writer needs for a module a dynamic loader reads: its {@code dylink.0} section, written first of all, and,
 * when the module is position-independent, the imported globals whose values place its data segment and its element
 * segment ({@code null} for a static module that only names the shared libraries it needs).
 */
public record DynamicLinking(DylinkSection dylink, Symbol memoryBase, Symbol tableBase) {

  /** Whether data and table slots are placed by the bases rather than at fixed addresses. */
  public boolean isPositionIndependent() {
    return memoryBase != null;
  }
}
