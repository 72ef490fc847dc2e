package dev.wasmlink.spec.reloc;

/** What a relocation entry's index refers to: a symbol of one kind, or (for type indices) the type section. */
public enum RelocationTarget {
  FUNCTION("function symbol"),
  DATA("data symbol"),
  GLOBAL("global symbol"),
  TABLE("table symbol"),
  TAG("tag symbol"),
  SECTION("section symbol"),
  TYPE("type index");

  private final String description;

  RelocationTarget(String description) {
    this.description = description;
  }

  /** Words for messages and listings. */
  public String description() {
    return description;
  }

  /** Whether the index names a symbol in the symbol table (only type indices do not). */
  public boolean isSymbol() {
    return this != TYPE;
  }
}
