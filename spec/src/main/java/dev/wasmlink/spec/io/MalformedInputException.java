package dev.wasmlink.spec.io;

/**
 * Bytes that are not a well-formed object: truncated, over-long or overflowing LEBs, sizes past the end, unknown
 * tags, indices out of range. The message is one line naming the input, the section and the byte offset from the
 * start of the object (for an archive member, from the start of the member), so a user can find it with a hex dump.
 */
public final class MalformedInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient InputLocation location;
  private final long offset;
  private final String problem;

  public MalformedInputException(InputLocation location, long offset, String problem) {
    this(location, offset, Printable.escape(problem), true);
  }

  // The problem often quotes bytes of the input (a member name, a symbol): escaped once here, it can never split
  // the one error line or forge another.
  private MalformedInputException(InputLocation location, long offset, String escapedProblem, boolean escaped) {
    super(location + " at offset 0x" + Long.toHexString(offset) + ": " + escapedProblem);
    this.location = location;
    this.offset = offset;
    this.problem = escapedProblem;
  }

  public InputLocation location() {
    return location;
  }

  /** The byte offset from the start of the object. */
  public long offset() {
    return offset;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
