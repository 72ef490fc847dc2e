package dev.wasmlink.linker.options;

/**
 * What to do with symbols that are still undefined once every input has been read: lld's
 * {@code --unresolved-symbols=}. {@code --allow-undefined} means {@link #IGNORE_ALL} together with
 * {@code --import-undefined}, as in lld 19.
 */
public enum UnresolvedSymbols {
  /** Report each one (as an error, or as a warning with {@code --warn-unresolved-symbols}). The default. */
  REPORT_ALL("report-all"),
  /** Say nothing: undefined functions become imports where {@code --import-undefined} allows, or traps. */
  IGNORE_ALL("ignore-all"),
  /** Turn each one into an import, to be satisfied by a dynamic linker (lld calls this not yet stable). */
  IMPORT_DYNAMIC("import-dynamic");

  private final String flagValue;

  UnresolvedSymbols(String flagValue) {
    this.flagValue = flagValue;
  }

  /** The spelling after {@code --unresolved-symbols=}. */
  public String flagValue() {
    return flagValue;
  }

  /** The policy for a {@code --unresolved-symbols=} value, or {@code null} for a value lld does not know. */
  public static UnresolvedSymbols fromFlagValue(String value) {
    for (UnresolvedSymbols policy : values()) {
      if (policy.flagValue.equals(value)) {
        return policy;
      }
    }
    return null;
  }
}
