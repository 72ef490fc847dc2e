package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.spec.io.ByteSlice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The string segments ({@code STRINGS} flag) of one output segment, merged as wasm-ld does from {@code -O1}: each
 * NUL-terminated string is kept once, in the order first met, and every input offset is mapped to where its string
 * landed. It sits in its output segment where the first of its inputs would have.
 */
public final class MergedStrings {
  private final long alignment;
  private final int flags;
  private final List<ByteSlice> pieces = new ArrayList<>();
  private final Map<ByteSlice, Long> offsets = new HashMap<>();
  private long size;
  private long outputOffset;

  MergedStrings(long alignment, int flags) {
    this.alignment = alignment;
    this.flags = flags;
  }

  boolean accepts(InputSegment segment) {
    return segment.alignment() == alignment && segment.flags() == flags;
  }

  /** Splits a segment into its strings, keeps the new ones, and tells the segment where each of its strings went. */
  void add(InputSegment segment) {
    ByteSlice bytes = segment.bytes();
    List<long[]> map = new ArrayList<>();
    int start = 0;
    while (start < bytes.length()) {
      int end = start;
      while (end < bytes.length() && bytes.get(end) != 0) {
        end++;
      }
      int length = Math.min(end + 1, bytes.length()) - start;
      ByteSlice piece = bytes.slice(start, length);
      Long offset = offsets.get(piece);
      if (offset == null) {
        offset = size;
        offsets.put(piece, offset);
        pieces.add(piece);
        size += length;
      }
      map.add(new long[] {start, offset});
      start += length;
    }
    long[] inputStarts = map.stream().mapToLong(entry -> entry[0]).toArray();
    long[] mergedOffsets = map.stream().mapToLong(entry -> entry[1]).toArray();
    segment.mergeInto(this, inputStarts, mergedOffsets);
  }

  /** Where input offset {@code offset} of a merged segment lands in the output segment. */
  public long outputOffsetOf(long[] inputStarts, long[] mergedOffsets, long offset) {
    int found = Arrays.binarySearch(inputStarts, offset);
    int piece = found >= 0 ? found : Math.max(0, -found - 2);
    if (inputStarts.length == 0) {
      return outputOffset;
    }
    return outputOffset + mergedOffsets[piece] + (offset - inputStarts[piece]);
  }

  long alignment() {
    return alignment;
  }

  long size() {
    return size;
  }

  void place(long offset) {
    outputOffset = offset;
  }

  public long outputOffset() {
    return outputOffset;
  }

  /** The merged bytes, written once. */
  public byte[] bytes() {
    byte[] bytes = new byte[(int) size];
    for (ByteSlice piece : pieces) {
      piece.copyTo(bytes, (int) (long) offsets.get(piece));
    }
    return bytes;
  }
}
