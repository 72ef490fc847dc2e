package dev.wasmlink.processor.relocation;

import com.palantir.javapoet.CodeBlock;

/**
 * What the processor must know of each relocation rule to check a declaration and to write its handler. It mirrors
 * {@code dev.wasmlink.spec.reloc.RelocationRule} by name (the processor cannot depend on spec); a test in the tests
 * module keeps the two in step.
 */
enum Rule {
  FUNCTION_INDEX(
      false, true, "FUNCTION", "the function index",
      "resolver.functionIndex(site)"),
  TABLE_SLOT(
      false, false, "FUNCTION", "the table slot",
      "resolver.tableSlot(site)"),
  TABLE_SLOT_RELATIVE(
      false, false, "FUNCTION", "table slot - __table_base",
      "resolver.tableSlot(site) - resolver.tableBase()"),
  MEMORY_ADDRESS(
      true, false, "DATA", "S + A",
      "resolver.memoryAddress(site) + site.addend()"),
  MEMORY_ADDRESS_RELATIVE(
      true, false, "DATA", "S + A - __memory_base",
      "resolver.memoryAddress(site) + site.addend() - resolver.memoryBase()"),
  TLS_OFFSET(
      true, false, "DATA", "S + A - __tls_base",
      "resolver.tlsOffset(site) + site.addend()"),
  LOCATION_RELATIVE(
      true, false, "DATA", "S + A - P",
      "resolver.memoryAddress(site) + site.addend() - resolver.location(site)"),
  GLOBAL_INDEX(
      false, true, "GLOBAL", "the global index",
      "resolver.globalIndex(site)"),
  TYPE_INDEX(
      false, true, "TYPE", "the type index",
      "resolver.typeIndex(site)"),
  TAG_INDEX(
      false, true, "TAG", "the tag index",
      "resolver.tagIndex(site)"),
  TABLE_NUMBER(
      false, true, "TABLE", "the table number",
      "resolver.tableNumber(site)"),
  FUNCTION_OFFSET(
      true, false, "FUNCTION", "function offset + A",
      "resolver.functionOffset(site) + site.addend()"),
  SECTION_OFFSET(
      true, false, "SECTION", "section offset + A",
      "resolver.sectionOffset(site) + site.addend()");

  private final boolean takesAddend;
  private final boolean indexOnly;
  private final String target;
  private final String description;
  private final String formula;

  Rule(boolean takesAddend, boolean indexOnly, String target, String description, String formula) {
    this.takesAddend = takesAddend;
    this.indexOnly = indexOnly;
    this.target = target;
    this.description = description;
    this.formula = formula;
  }

  /** What the value is, for the handler's documentation: S is the symbol's value, A the addend, P the place. */
  String description() {
    return description;
  }

  boolean takesAddend() {
    return takesAddend;
  }

  /** A 32-bit index: meaningless in a 64-bit field. */
  boolean isIndexOnly() {
    return indexOnly;
  }

  /** The only target the rule computes a value for. */
  String target() {
    return target;
  }

  /**
   * Relative to {@code __memory_base} or {@code __table_base}: imported by position-independent links, 0 and the
   * table's base in ordinary ones (which link position-independent objects too).
   */
  boolean isBaseRelative() {
    return this == MEMORY_ADDRESS_RELATIVE || this == TABLE_SLOT_RELATIVE;
  }

  /** The expression computing the value from {@code site} and {@code resolver}. */
  CodeBlock valueExpression() {
    return CodeBlock.of(formula);
  }
}
