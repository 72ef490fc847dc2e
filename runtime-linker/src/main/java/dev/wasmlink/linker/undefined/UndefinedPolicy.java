package dev.wasmlink.linker.undefined;

import java.util.Set;

/**
 * What a link does with symbols nothing defines, as wasm-ld 19's flags say it.
 *
 * @param report how a use of one is reported: {@code --unresolved-symbols=report-all} (the default) reports an
 *     error, or a warning with {@code --warn-unresolved-symbols}; {@code ignore-all}, {@code import-dynamic} and
 *     {@code --allow-undefined} report nothing
 * @param importUndefined {@code --import-undefined} (and {@code --allow-undefined}, which is it plus
 *     {@code ignore-all}): undefined functions, globals and tags become imports, and undefined functions are not
 *     reported
 * @param importDynamic {@code --unresolved-symbols=import-dynamic}: everything undefined but data is imported
 * @param allowed the names of {@code --allow-undefined-file}: imported and not reported, whatever their kind
 */
public record UndefinedPolicy(Report report, boolean importUndefined, boolean importDynamic, Set<String> allowed) {
  /** How a use of an undefined symbol is reported. */
  public enum Report {
    ERROR,
    WARNING,
    NONE
  }

  public UndefinedPolicy {
    allowed = Set.copyOf(allowed);
  }

  /** wasm-ld's default: every use of an undefined symbol is an error. */
  public static UndefinedPolicy reportErrors() {
    return new UndefinedPolicy(Report.ERROR, false, false, Set.of());
  }

  /**
   * Whether a use of an undefined symbol goes unreported when {@code --unresolved-symbols} would report it: an
   * explicit import, a function under {@code --import-undefined}, or an allowed name.
   */
  boolean excuses(boolean explicitImport, boolean function, String name) {
    return explicitImport || function && importUndefined || allowed.contains(name);
  }

  /** Whether an undefined symbol of this kind becomes an import (data never does outside PIC). */
  boolean imports(boolean explicitImport, boolean data, String name) {
    return !data && (explicitImport || importUndefined || importDynamic || allowed.contains(name));
  }

  /**
   * Whether a use of an undefined function that is not imported reaches a trapping stub ({@code undefined_stub}),
   * so that the module validates even where the link goes on.
   */
  boolean stubsFunctions() {
    return !importUndefined && !importDynamic;
  }
}
