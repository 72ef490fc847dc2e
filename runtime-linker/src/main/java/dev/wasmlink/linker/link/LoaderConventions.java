package dev.wasmlink.linker.link;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which wasm-ld a position-independent module is written for, where loaders depend on the difference. wasmlink
 * follows wasm-ld 19; emscripten 3.1.6 (Debian's) calls its linker {@code wasm-ld-14} and its loader was written for
 * wasm-ld 14, which differed in two ways that decide whether a program runs:
 * <ul>
 *   <li>{@code __wasm_call_ctors} first called {@code __wasm_apply_data_relocs}: that loader only calls the
 *       constructors, so without it every pointer in a module's data stays unrelocated (LLVM D128515 moved the call
 *       to the loader);
 *   <li>{@code -shared} and {@code -pie} imported every undefined symbol (data through {@code GOT.mem}), as
 *       {@code --unresolved-symbols=import-dynamic} does now: emcc passes no flag for it, and its loader provides
 *       {@code __heap_base} and the main module's data that way.
 * </ul>
 * As lld picks its flavor from the name it is run by, wasmlink picks these from it: run as {@code wasm-ld-14} or
 * older (a link of that name to {@code bin/wasm-ld}, as an {@code EM_LLVM_ROOT} for emcc has), it follows wasm-ld 14.
 * Nothing else changes, and static links are the same under both.
 */
public enum LoaderConventions {
  WASM_LD_19,
  WASM_LD_14;

  private static final Pattern VERSIONED_NAME = Pattern.compile("wasm-ld-(\\d+)");

  /** The conventions for a linker run as {@code programName} ({@code null} when unknown): wasm-ld 19's unless named older. */
  public static LoaderConventions forProgramName(String programName) {
    if (programName == null) {
      return WASM_LD_19;
    }
    Matcher versioned = VERSIONED_NAME.matcher(programName);
    return versioned.matches() && Integer.parseInt(versioned.group(1)) <= 14 ? WASM_LD_14 : WASM_LD_19;
  }

  /** Whether {@code __wasm_call_ctors} applies the data relocations before running the constructors. */
  public boolean constructorsApplyDataRelocations() {
    return this == WASM_LD_14;
  }

  /** Whether a position-independent output imports every undefined symbol, whatever the command line says. */
  public boolean positionIndependentImportsUndefined() {
    return this == WASM_LD_14;
  }
}
