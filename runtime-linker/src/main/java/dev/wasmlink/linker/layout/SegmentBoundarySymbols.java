package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code __start_NAME} and {@code __stop_NAME}: the first byte of output data segment NAME and the byte after its
 * last, which wasm-ld defines for every segment whose name is a C identifier (so that C code can name the symbols),
 * when an input refers to them or the command line exports them. Programs find what they put in a section of their
 * own with {@code __attribute__((section("NAME")))} this way; emscripten finds its {@code EM_ASM}/{@code EM_JS}
 * strings through {@code --export-if-defined=__start_em_asm}.
 */
public final class SegmentBoundarySymbols {
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String START = "__start_";
  private static final String STOP = "__stop_";

  private SegmentBoundarySymbols() {}

  /**
   * The names of the boundary symbols that these live segments will define once laid out (merged into output segments
   * by name, or not), so that references to them are not reported undefined before memory is laid out.
   */
  public static Set<String> provided(List<InputSegment> live, boolean mergeSegments) {
    // Each output name once: many thousands of segments go into a handful of output segments.
    Set<String> outputs = new LinkedHashSet<>();
    for (InputSegment segment : live) {
      outputs.add(MemoryLayout.outputName(segment, mergeSegments));
    }
    Set<String> names = new LinkedHashSet<>();
    for (String output : outputs) {
      if (C_IDENTIFIER.matcher(output).matches()) {
        names.add(START + output);
        names.add(STOP + output);
      }
    }
    return names;
  }

  /**
   * Defines the boundary symbols of every output segment named like a C identifier: those an input refers to
   * (still undefined), and those {@code exported} names that nothing defines. A symbol an input defines itself is
   * left alone, as wasm-ld leaves it.
   */
  public static void define(SymbolTable symbols, MemoryLayout memory, Predicate<String> exported) {
    for (OutputSegment segment : memory.segments()) {
      if (C_IDENTIFIER.matcher(segment.name()).matches()) {
        define(symbols, START + segment.name(), segment.address(), exported);
        define(symbols, STOP + segment.name(), segment.address() + segment.size(), exported);
      }
    }
  }

  private static void define(SymbolTable symbols, String name, long address, Predicate<String> exported) {
    Symbol existing = symbols.find(name);
    boolean wanted = existing != null && existing.kind() != null
        ? existing.kind() == SymbolKind.DATA && existing.isUndefined() : exported.test(name);
    if (wanted) {
      Symbol symbol = symbols.defineSynthetic(name, SymbolKind.DATA);
      SymbolTable.setAddress(symbol, address);
      symbol.markLive();
    }
  }
}
