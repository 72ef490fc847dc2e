package dev.wasmlink.linker.write;

import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.DylinkSection;

/**
 * What a position-independent module's writer needs beyond the layout: the imported globals whose values place its
 * data segment and its element segment, and its {@code dylink.0} section, written first of all.
 */
public record PositionIndependentOutput(Symbol memoryBase, Symbol tableBase, DylinkSection dylink) {}
