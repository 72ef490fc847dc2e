package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.spec.io.ByteSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The string segments ({@code STRINGS} flag) of one output segment, merged as wasm-ld does from {@code -O1}: every
 * live NUL-terminated string once, ordered by its characters read from the end (so a string that is the tail of
 * another follows it), and stored inside that other string when it is its tail. The order is LLVM's string table
 * builder's, which makes the addresses match wasm-ld's. It sits in its output segment where the first of its inputs
 * would have.
 */
public final class MergedStrings {
  private final long alignment;
  private final int flags;
  private final List<InputSegment> segments = new ArrayList<>();
  private final Map<ByteSlice, Long> offsets = new LinkedHashMap<>();
  private byte[] bytes;
  private long outputOffset;

  MergedStrings(long alignment, int flags) {
    this.alignment = alignment;
    this.flags = flags;
  }

  boolean accepts(InputSegment segment) {
    return segment.alignment() == alignment && segment.flags() == flags;
  }

  void add(InputSegment segment) {
    segments.add(segment);
    for (InputSegment.Piece piece : segment.pieces()) {
      if (piece.isLive()) {
        offsets.putIfAbsent(segment.bytes().slice(piece.start(), piece.length()), -1L);
      }
    }
  }

  /** Orders the strings, shares tails, and tells each segment where its strings went. */
  void finish() {
    List<ByteSlice> strings = new ArrayList<>(offsets.keySet());
    strings.sort(TAIL_FIRST);
    ByteSlice previous = null;
    long size = 0;
    for (ByteSlice string : strings) {
      if (previous != null && endsWith(previous, string) && (size - string.length()) % alignment == 0) {
        offsets.put(string, size - string.length());
        continue;
      }
      size = OutputSegment.alignUp(size, alignment);
      offsets.put(string, size);
      size += string.length();
      previous = string;
    }
    bytes = new byte[(int) size];
    for (ByteSlice string : strings) {
      string.copyTo(bytes, (int) (long) offsets.get(string));
    }
    for (InputSegment segment : segments) {
      List<InputSegment.Piece> pieces = segment.pieces();
      long[] starts = new long[pieces.size()];
      long[] merged = new long[pieces.size()];
      for (int i = 0; i < pieces.size(); i++) {
        InputSegment.Piece piece = pieces.get(i);
        starts[i] = piece.start();
        // A dead string is referred to by nothing live (only, perhaps, by debug information): address 0 of the chunk.
        merged[i] = piece.isLive() ? offsets.get(segment.bytes().slice(piece.start(), piece.length())) : 0;
      }
      segment.mergeInto(this, starts, merged);
    }
  }

  /**
   * LLVM's multikey order for tail merging: strings compared character by character from their ends, larger
   * characters first, a string that runs out before another counting as smaller (so it comes after the longer string
   * it may be the tail of).
   */
  private static final Comparator<ByteSlice> TAIL_FIRST = (a, b) -> {
    for (int position = 0; ; position++) {
      int x = position < a.length() ? a.get(a.length() - 1 - position) : -1;
      int y = position < b.length() ? b.get(b.length() - 1 - position) : -1;
      if (x != y) {
        return Integer.compare(y, x);
      }
      if (x == -1) {
        return 0;
      }
    }
  };

  private static boolean endsWith(ByteSlice whole, ByteSlice tail) {
    if (tail.length() > whole.length()) {
      return false;
    }
    int shift = whole.length() - tail.length();
    for (int i = 0; i < tail.length(); i++) {
      if (whole.get(shift + i) != tail.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Where input offset {@code offset} of a merged segment lands in the output segment. */
  public long outputOffsetOf(long[] inputStarts, long[] mergedOffsets, long offset) {
    if (inputStarts.length == 0) {
      return outputOffset;
    }
    int found = java.util.Arrays.binarySearch(inputStarts, offset);
    int piece = found >= 0 ? found : Math.max(0, -found - 2);
    return outputOffset + mergedOffsets[piece] + (offset - inputStarts[piece]);
  }

  long alignment() {
    return alignment;
  }

  long size() {
    return bytes.length;
  }

  void place(long offset) {
    outputOffset = offset;
  }

  public long outputOffset() {
    return outputOffset;
  }

  /** The merged bytes. */
  public byte[] bytes() {
    return bytes;
  }
}
