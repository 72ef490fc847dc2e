package dev.wasmlink.linker.symbols;

import dev.wasmlink.linker.strings.StringTable;
import dev.wasmlink.spec.format.SegmentFlags;
import dev.wasmlink.spec.io.ByteSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * A data segment of an input object, with the name, alignment and flags its linking section gives it. Its bytes
 * stay a view of the input; {@code dataOffset} is where they start in the input data section's payload.
 */
public final class InputSegment {
  private final InputObject file;
  private final int index;
  private final String name;
  private final int alignmentLog2;
  private final int flags;
  private final ByteSlice bytes;
  private final int dataOffset;
  private boolean live;
  private String outputName;
  private long outputOffset = -1;
  private MergedTable merged;
  private long[] pieceMergedOffsets;

  public InputSegment(
      InputObject file, int index, String name, int alignmentLog2, int flags, ByteSlice bytes, int dataOffset) {
    this.file = file;
    this.index = index;
    this.name = name;
    this.alignmentLog2 = alignmentLog2;
    this.flags = flags;
    this.bytes = bytes;
    this.dataOffset = dataOffset;
  }

  public InputObject file() {
    return file;
  }

  public int index() {
    return index;
  }

  public String name() {
    return name;
  }

  public long alignment() {
    return 1L << Math.min(alignmentLog2, 30);
  }

  public int flags() {
    return flags;
  }

  /**
   * Whether the segment is thread-local: flagged TLS, or named {@code .tdata}/{@code .tbss} by an object too old
   * to flag it.
   */
  public boolean isTls() {
    return (flags & SegmentFlags.TLS) != 0 || name.startsWith(".tdata") || name.startsWith(".tbss");
  }

  /** Whether the segment is zero-initialised ({@code .bss} and friends), so memory need not be written. */
  public boolean isBss() {
    return name.startsWith(".bss") || name.startsWith(".tbss");
  }

  /** The comdat group the segment belongs to, or {@code null}. */
  public String comdat() {
    return comdat;
  }

  void joinComdat(String name) {
    comdat = name;
  }

  private String comdat;

  public boolean isRetained() {
    return (flags & SegmentFlags.RETAIN) != 0;
  }

  public ByteSlice bytes() {
    return bytes;
  }

  public int dataOffset() {
    return dataOffset;
  }

  public boolean isLive() {
    return live;
  }

  public void markLive() {
    live = true;
  }

  /** The output segment this one is merged into. */
  public String outputName() {
    return outputName;
  }

  /** Where it starts inside its output segment. */
  public long outputOffset() {
    return outputOffset;
  }

  public void place(String output, long offset) {
    outputName = output;
    outputOffset = offset;
  }

  /** Where its output segment starts in memory, once memory is laid out. */
  public long outputSegmentAddress() {
    return outputSegmentAddress;
  }

  /**
   * Records where its output segment starts: every memory-address relocation asks for its target's address, so the
   * segment keeps it rather than looking its output segment up each time.
   */
  public void setOutputSegmentAddress(long address) {
    outputSegmentAddress = address;
  }

  private long outputSegmentAddress;

  /** One NUL-terminated string of a string segment, and whether anything live refers to it. */
  public static final class Piece {
    private final int start;
    private final int length;
    private boolean live;

    Piece(int start, int length) {
      this.start = start;
      this.length = length;
    }

    public int start() {
      return start;
    }

    public int length() {
      return length;
    }

    public boolean isLive() {
      return live;
    }

    void markLive() {
      live = true;
    }
  }

  private List<Piece> pieces;
  private int[] pieceStarts;

  /** The segment split into its strings, each with its terminating NUL (the last may lack one). */
  public List<Piece> pieces() {
    if (pieces == null) {
      pieceStarts = StringTable.stringStarts(bytes);
      pieces = new ArrayList<>(pieceStarts.length);
      for (int i = 0; i < pieceStarts.length; i++) {
        pieces.add(new Piece(pieceStarts[i], StringTable.lengthOfString(pieceStarts, i, bytes.length())));
      }
    }
    return pieces;
  }

  /** Where each of {@link #pieces()} starts, in order. */
  public int[] pieceStarts() {
    pieces();
    return pieceStarts;
  }

  /**
   * Marks the string holding byte {@code offset} live: string segments are kept string by string, as wasm-ld keeps
   * only the strings something refers to.
   */
  public void markPieceLive(long offset) {
    if (offset >= 0 && offset < bytes.length()) {
      pieces().get(StringTable.indexOfStringAt(pieceStarts(), offset)).markLive();
    }
  }

  /** Marks every string live, when nothing is collected. */
  public void markAllPiecesLive() {
    pieces().forEach(Piece::markLive);
  }

  /**
   * The table a string segment's strings were merged into, as far as a segment needs to know it: where the table
   * starts in its output segment (known only once the output segment is laid out).
   */
  public interface MergedTable {
    long outputOffset();
  }

  /** Records that the segment's strings were merged, and where in {@code table} each of its strings went. */
  public void mergeInto(MergedTable table, long[] mergedOffsets) {
    merged = table;
    pieceMergedOffsets = mergedOffsets;
  }

  /** Where byte {@code offset} of this segment lands in its output segment. */
  public long outputOffsetOf(long offset) {
    if (merged == null) {
      return outputOffset + offset;
    }
    int[] starts = pieceStarts();
    if (starts.length == 0) {
      return merged.outputOffset();
    }
    int piece = StringTable.indexOfStringAt(starts, offset);
    return merged.outputOffset() + pieceMergedOffsets[piece] + (offset - starts[piece]);
  }

  /**
   * Whether its bytes may be merged with other string segments: flagged strings of single-byte characters, not empty,
   * with nothing to relocate. wasm-ld merges only segments aligned to 1: LLVM 14 flags wide strings ({@code L"..."},
   * aligned to 4) as strings too, and splitting those at each NUL byte would tear every character apart.
   */
  public boolean isMergeableStrings() {
    if (mergeableStrings == null) {
      mergeableStrings = (flags & SegmentFlags.STRINGS) != 0 && alignmentLog2 == 0 && bytes.length() > 0
          && file.relocations(this).isEmpty() && !isTls();
    }
    return mergeableStrings;
  }

  /** Asked for every relocation that reaches the segment during liveness, so worked out once. */
  private Boolean mergeableStrings;

  @Override
  public String toString() {
    return name + " in " + file;
  }
}
