package dev.wasmlink.linker.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The output module as the pieces it is written from, in file order: arrays the writer built (the sections' headers
 * and small payloads, the code section's body, a data segment's bytes) and runs of zeros (the padding an alignment
 * leaves inside a data segment). They are not copied into one array: the file is streamed from them, so a module
 * costs the memory of the bytes its inputs hold, not of its size, and large bodies are not copied again.
 */
public final class ModuleImage {
  /** Bytes {@code [offset, offset + length)} of {@code bytes}, or {@code length} zeros when {@code bytes} is null. */
  private record Piece(byte[] bytes, int offset, long length) {}

  /** What zero runs are streamed from. */
  private static final byte[] ZEROS = new byte[1 << 16];
  /** Small pieces are gathered before they reach the stream (each write to a file's stream is a system call). */
  private static final int STREAM_BUFFER = 1 << 16;

  private final List<Piece> pieces = new ArrayList<>();
  private long size;

  /** The module's size in bytes so far. */
  public long size() {
    return size;
  }

  /** Appends {@code bytes}, which the image then owns: they must not change afterwards. */
  void add(byte[] bytes) {
    add(bytes, 0, bytes.length);
  }

  void add(byte[] bytes, int offset, int length) {
    if (length > 0) {
      pieces.add(new Piece(bytes, offset, length));
      size += length;
    }
  }

  void addZeros(long count) {
    if (count > 0) {
      pieces.add(new Piece(null, 0, count));
      size += count;
    }
  }

  /** Appends {@code other}'s pieces (it is not copied). */
  void add(ModuleImage other) {
    pieces.addAll(other.pieces);
    size += other.size;
  }

  /** Writes the module to {@code stream}. */
  public void writeTo(OutputStream stream) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(stream, STREAM_BUFFER);
    for (Piece piece : pieces) {
      if (piece.bytes() != null) {
        buffered.write(piece.bytes(), piece.offset(), (int) piece.length());
      } else {
        for (long left = piece.length(); left > 0; left -= ZEROS.length) {
          buffered.write(ZEROS, 0, (int) Math.min(left, ZEROS.length));
        }
      }
    }
    buffered.flush();
  }

  /** The module in one array; only for modules below 2 GiB. */
  public byte[] toByteArray() {
    byte[] bytes = new byte[Math.toIntExact(size)];
    read(0, bytes, bytes.length);
    return bytes;
  }

  /** Copies {@code length} bytes from {@code position} of the module into {@code target}. */
  void read(long position, byte[] target, int length) {
    long pieceStart = 0;
    int copied = 0;
    for (Piece piece : pieces) {
      long pieceEnd = pieceStart + piece.length();
      if (pieceEnd > position + copied && copied < length) {
        long from = position + copied - pieceStart;
        int count = (int) Math.min(piece.length() - from, length - copied);
        if (piece.bytes() != null) {
          System.arraycopy(piece.bytes(), piece.offset() + (int) from, target, copied, count);
        } else {
          Arrays.fill(target, copied, copied + count, (byte) 0);
        }
        copied += count;
      }
      pieceStart = pieceEnd;
    }
    if (copied != length) {
      throw new IndexOutOfBoundsException("bytes " + position + "+" + length + " of a module of " + size);
    }
  }

  /** Writes {@code bytes} over the module's last bytes, which must lie in the last piece, an array. */
  void overwriteEnd(byte[] bytes) {
    Piece last = pieces.get(pieces.size() - 1);
    if (last.bytes() == null || last.length() < bytes.length) {
      throw new IllegalStateException("the module's last " + bytes.length + " bytes are not one array");
    }
    System.arraycopy(bytes, 0, last.bytes(), last.offset() + (int) last.length() - bytes.length, bytes.length);
  }
}
