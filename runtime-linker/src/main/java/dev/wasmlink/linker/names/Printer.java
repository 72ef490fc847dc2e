package dev.wasmlink.linker.names;

/**
 * The text being produced, plus the two pieces of state that printing needs beyond the tree itself: which element
 * of a parameter pack an expansion is printing, and whether a {@code >} would close a template argument list (then
 * comparison expressions must be parenthesized).
 */
final class Printer {
  /** No pack expansion is in progress. */
  static final int NO_PACK = Integer.MAX_VALUE;

  private final StringBuilder out = new StringBuilder();

  /** Element of the innermost pack being expanded, and its size ({@link #NO_PACK} outside an expansion). */
  int packIndex = NO_PACK;
  int packMax = NO_PACK;

  /**
   * Zero while printing directly inside template arguments; every open parenthesis or bracket raises it, so a
   * {@code >} is ambiguous only when it is zero.
   */
  int gtIsGt = 1;

  Printer append(String text) {
    out.append(text);
    return this;
  }

  Printer append(char c) {
    out.append(c);
    return this;
  }

  char last() {
    return out.length() == 0 ? '\0' : out.charAt(out.length() - 1);
  }

  int position() {
    return out.length();
  }

  /** Takes back what was printed since {@code position} (an empty pack leaves nothing, not even its comma). */
  void truncate(int position) {
    out.setLength(position);
  }

  void open(char c) {
    gtIsGt++;
    out.append(c);
  }

  void close(char c) {
    gtIsGt--;
    out.append(c);
  }

  void open() {
    open('(');
  }

  void close() {
    close(')');
  }

  boolean gtClosesTemplateArgs() {
    return gtIsGt == 0;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
