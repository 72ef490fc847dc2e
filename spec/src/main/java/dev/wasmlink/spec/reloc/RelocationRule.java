package dev.wasmlink.spec.reloc;

/**
 * How a relocation's value is computed. Each rule maps to one {@link RelocationResolver} method; S is the resolved
 * symbol's value, A the addend and P the output address of the patched field.
 */
public enum RelocationRule {
  /** The function's index in the output. */
  FUNCTION_INDEX(false, true, RelocationTarget.FUNCTION, "function index"),
  /** The function's slot in the indirect function table. */
  TABLE_SLOT(false, false, RelocationTarget.FUNCTION, "table slot"),
  /** The slot, relative to {@code __table_base}. */
  TABLE_SLOT_RELATIVE(false, false, RelocationTarget.FUNCTION, "table slot - __table_base"),
  /** S + A: the data symbol's address in linear memory. */
  MEMORY_ADDRESS(true, false, RelocationTarget.DATA, "S + A"),
  /** S + A - {@code __memory_base}. */
  MEMORY_ADDRESS_RELATIVE(true, false, RelocationTarget.DATA, "S + A - __memory_base"),
  /** S + A - {@code __tls_base}: the symbol's offset in the thread-local block. */
  TLS_OFFSET(true, false, RelocationTarget.DATA, "S + A - __tls_base"),
  /** S + A - P. */
  LOCATION_RELATIVE(true, false, RelocationTarget.DATA, "S + A - P"),
  /** The global's index in the output. */
  GLOBAL_INDEX(false, true, RelocationTarget.GLOBAL, "global index"),
  /** The type's index in the output's type section. */
  TYPE_INDEX(false, true, RelocationTarget.TYPE, "type index"),
  /** The tag's index in the output. */
  TAG_INDEX(false, true, RelocationTarget.TAG, "tag index"),
  /** The table's index in the output. */
  TABLE_NUMBER(false, true, RelocationTarget.TABLE, "table number"),
  /** The function's offset in the output code section, plus A. */
  FUNCTION_OFFSET(true, false, RelocationTarget.FUNCTION, "function offset + A"),
  /** The section's offset in the output, plus A. */
  SECTION_OFFSET(true, false, RelocationTarget.SECTION, "section offset + A");

  private final boolean takesAddend;
  private final boolean indexOnly;
  private final RelocationTarget target;
  private final String formula;

  RelocationRule(boolean takesAddend, boolean indexOnly, RelocationTarget target, String formula) {
    this.takesAddend = takesAddend;
    this.indexOnly = indexOnly;
    this.target = target;
    this.formula = formula;
  }

  /** Whether the rule adds an addend; a kind declares one exactly when its rule does. */
  public boolean takesAddend() {
    return takesAddend;
  }

  /** Whether the value is an index into a 32-bit index space, which no 64-bit field can hold meaningfully. */
  public boolean isIndexOnly() {
    return indexOnly;
  }

  /** The only target this rule can compute a value for. */
  public RelocationTarget target() {
    return target;
  }

  /** The formula, for listings. */
  public String formula() {
    return formula;
  }
}
