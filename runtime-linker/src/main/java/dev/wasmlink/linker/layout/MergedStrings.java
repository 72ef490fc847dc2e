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
    for (InputSegment.Piece piece : segment.pieces()) {
      if (piece.isLive()) {
        table.add(segment.bytes().slice(piece.start(), piece.length()));
      }
    }
  }

  /** Lays the strings out and tells each segment where its strings went. */
  void finish() {
    table.finish();
    for (InputSegment segment : segments) {
      List<InputSegment.Piece> pieces = segment.pieces();
      long[] merged = new long[pieces.size()];
      for (int i = 0; i < pieces.size(); i++) {
        InputSegment.Piece piece = pieces.get(i);
        // A dead string is referred to by nothing live (only, perhaps, by debug information): address 0 of the chunk.
        merged[i] = piece.isLive() ? table.offsetOf(segment.bytes().slice(piece.start(), piece.length())) : 0;
      }
      segment.mergeInto(this, merged);
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
