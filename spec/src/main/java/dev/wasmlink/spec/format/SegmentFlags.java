package dev.wasmlink.spec.format;

/** The flag bits of a segment-info entry (Linking.md, "Segment info subsection"). */
public final class SegmentFlags {
  /** The segment holds NUL-terminated strings that may be merged. */
  public static final int STRINGS = 0x1;
  /** The segment is thread-local. */
  public static final int TLS = 0x2;
  /** The segment is kept even when nothing refers to it ({@code __attribute__((retain))}). */
  public static final int RETAIN = 0x4;

  private SegmentFlags() {}
}
