package dev.wasmlink.linker.names;

/**
 * Reads a mangled name from left to right. Every parse step of the grammar is a look at the next few characters
 * followed by a consume; when the text does not fit the grammar, {@link #fail()} abandons the whole demangling (the
 * caller then returns the name unchanged, as LLVM does).
 */
final class Cursor {
  /** Thrown to abandon a demangling; carries no stack trace because it is an expected outcome. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure() {
      super("not a mangled name", null, false, false);
    }
  }

  private static final Failure FAILURE = new Failure();

  /**
   * How deeply the grammar may nest (a type inside a type, an expression inside an expression, an encoding inside a
   * local name ...) before the name is given up on. Real names stay far below it (libc++'s deepest are around 30);
   * without it, a name nested a hundred thousand deep would overflow the stack of the recursive parser.
   */
  static final int MAX_NESTING = 256;

  private final String text;
  private int pos;
  private int nesting;

  Cursor(String text, int start) {
    this.text = text;
    this.pos = start;
  }

  static <T> T fail() {
    throw FAILURE;
  }

  /** Enters one level of nesting of the grammar, abandoning the demangling past {@link #MAX_NESTING}. */
  void enter() {
    if (++nesting > MAX_NESTING) {
      fail();
    }
  }

  /** Leaves the level {@link #enter()} entered. */
  void leave() {
    nesting--;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return text.length() - pos;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The character {@code ahead} places further on, or NUL past the end (NUL never appears in a mangled name). */
  char look(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  char look() {
    return look(0);
  }

  boolean lookingAt(String prefix) {
    return text.startsWith(prefix, pos);
  }

  boolean consume(char c) {
    if (look() == c && !atEnd()) {
      pos++;
      return true;
    }
    return false;
  }

  boolean consume(String prefix) {
    if (text.startsWith(prefix, pos)) {
      pos += prefix.length();
      return true;
    }
    return false;
  }

  /** Consumes {@code c} or abandons the demangling. */
  void expect(char c) {
    if (!consume(c)) {
      fail();
    }
  }

  void skip(int count) {
    pos += count;
  }

  String text(int begin, int end) {
    return text.substring(begin, end);
  }

  /** Everything not yet read, which is then considered read. */
  String takeRest() {
    String rest = text.substring(pos);
    pos = text.length();
    return rest;
  }

  /** {@code <number> ::= [n] <decimal digits>}; returns the text as written ("" when there are no digits). */
  String number(boolean allowNegative) {
    int start = pos;
    if (allowNegative) {
      consume('n');
    }
    if (!isDigit(look())) {
      pos = start;
      return "";
    }
    while (isDigit(look())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /** A plain decimal number that must be present, as a value (used for lengths and indices). */
  int positiveInteger() {
    if (!isDigit(look())) {
      fail();
    }
    long value = 0;
    while (isDigit(look())) {
      value = value * 10 + (look() - '0');
      if (value > Integer.MAX_VALUE) {
        fail();
      }
      pos++;
    }
    return (int) value;
  }

  /** {@code <seq-id>}: base 36 with digits then upper-case letters; -1 when there is none. */
  int seqId() {
    if (!isDigit(look()) && !(look() >= 'A' && look() <= 'Z')) {
      return -1;
    }
    long value = 0;
    while (isDigit(look()) || (look() >= 'A' && look() <= 'Z')) {
      char c = look();
      value = value * 36 + (isDigit(c) ? c - '0' : c - 'A' + 10);
      if (value > Integer.MAX_VALUE) {
        fail();
      }
      pos++;
    }
    return (int) value;
  }

  /** {@code <source-name> ::= <positive length number> <identifier>}, without any interpretation. */
  String bareSourceName() {
    int length = positiveInteger();
    if (length == 0 || length > remaining()) {
      fail();
    }
    String name = text.substring(pos, pos + length);
    pos += length;
    return name;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
