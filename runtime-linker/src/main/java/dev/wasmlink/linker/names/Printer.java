package dev.wasmlink.linker.names;

/**
 * The text being produced, plus the two pieces of state that printing needs beyond the tree itself: which element
 * of a parameter pack an expansion is printing, and whether a {@code >} would close a template argument list (then
 * comparison expressions must be parenthesized).
 */
final class Printer {
  /** No pack expansion is in progress. */
  static final int NO_PACK = Integer.MAX_VALUE;

  /**
   * How deep printing may recurse through the tree (see {@link Node#printLeft}). Parsing is bounded by
   * {@link Cursor#MAX_NESTING}, but substitutions refer back to earlier nodes, so a tree can be deeper than its name
   * is nested; real names stay far below this.
   */
  static final int MAX_DEPTH = 1024;

  /**
   * The longest text a demangling may produce. Substitutions can make the text grow exponentially with the length
   * of the name; real demangled names stay far below this (libc++'s longest are a few thousand characters).
   */
  static final int MAX_LENGTH = 1 << 20;

  private final StringBuilder out = new StringBuilder();
  private int depth;

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
    checkLength();
    return this;
  }

  Printer append(char c) {
    out.append(c);
    checkLength();
    return this;
  }

  private void checkLength() {
    if (out.length() > MAX_LENGTH) {
      Cursor.fail();
    }
  }

  /** One level deeper into the tree; gives up past {@link #MAX_DEPTH}. */
  void enter() {
    if (++depth > MAX_DEPTH) {
      Cursor.fail();
    }
  }

  void leave() {
    depth--;
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
    append(c);
  }

  void close(char c) {
    gtIsGt--;
    append(c);
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
