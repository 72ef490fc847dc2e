package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.strings.StringTable;
import dev.wasmlink.linker.symbols.InputSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The string segments ({@code STRINGS} flag) of one output segment, merged as wasm-ld does from {@code -O1}: their
 * live strings in one {@link StringTable}, which sits in its output segment where the first of them would have.
 */
public final class MergedStrings implements InputSegment.MergedTable {
  private final long alignment;
  private final int flags;
  private final List<InputSegment> segments = new ArrayList<>();
  /** For each segment, its pieces' ids in the table; -1 for a dead piece. */
  private final List<int[]> pieceIds = new ArrayList<>();
  private final StringTable table;
  private long outputOffset;

  MergedStrings(long alignment, int flags) {
    this.alignment = alignment;
    this.flags = flags;
    this.table = new StringTable(alignment);
  }

  boolean accepts(InputSegment segment) {
    return segment.alignment() == alignment && segment.flags() == flags;
  }

  void add(InputSegment segment) {
    segments.add(segment);
    List<InputSegment.Piece> pieces = segment.pieces();
    int[] ids = new int[pieces.size()];
    for (int i = 0; i < ids.length; i++) {
      InputSegment.Piece piece = pieces.get(i);
      ids[i] = piece.isLive() ? table.add(segment.bytes().slice(piece.start(), piece.length())) : -1;
    }
    pieceIds.add(ids);
  }

  /** Lays the strings out and tells each segment where its strings went. */
  void finish() {
    table.finish();
    for (int s = 0; s < segments.size(); s++) {
      int[] ids = pieceIds.get(s);
      long[] merged = new long[ids.length];
      for (int i = 0; i < ids.length; i++) {
        // A dead string is referred to by nothing live (only, perhaps, by debug information): address 0 of the chunk.
        merged[i] = ids[i] >= 0 ? table.offsetOf(ids[i]) : 0;
      }
      segments.get(s).mergeInto(this, merged);
    }
  }

  long alignment() {
    return alignment;
  }

  long size() {
    return table.bytes().length;
  }

  void place(long offset) {
    outputOffset = offset;
  }

  /** Moves the strings, and the segments whose strings they are, into output segment {@code name} at {@code offset}. */
  void moveTo(String name, long offset) {
    outputOffset = offset;
    segments.forEach(segment -> segment.place(name, -1));
  }

  @Override
  public long outputOffset() {
    return outputOffset;
  }

  /** The merged bytes. */
  public byte[] bytes() {
    return table.bytes();
  }
}
