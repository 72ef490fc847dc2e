package dev.wasmlink.spec.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A range of an input's bytes, shared rather than copied: a code body or a data segment stays a view of the file
 * until the linker writes it. Two slices are equal when their contents are, wherever they come from.
 */
public final class ByteSlice {
  private static final ByteSlice EMPTY = new ByteSlice(new byte[0], 0, 0);

  private final byte[] array;
  private final int start;
  private final int length;
  /** The content hash, computed once (0 until then): slices are keys of string tables that hash them often. */
  private int hash;

  private ByteSlice(byte[] array, int start, int length) {
    if (start < 0 || length < 0 || start + length > array.length) {
      throw new IndexOutOfBoundsException("slice " + start + "+" + length + " of " + array.length);
    }
    this.array = array;
    this.start = start;
    this.length = length;
  }

  /** A view of {@code length} bytes of {@code array} from {@code start}. */
  public static ByteSlice of(byte[] array, int start, int length) {
    return new ByteSlice(array, start, length);
  }

  /** A view of a whole array. */
  public static ByteSlice of(byte[] array) {
    return new ByteSlice(array, 0, array.length);
  }

  public static ByteSlice empty() {
    return EMPTY;
  }

  /** The array this slice views; shared, never to be modified. */
  public byte[] array() {
    return array;
  }

  /** Where the slice starts in {@link #array()}. */
  public int start() {
    return start;
  }

  public int length() {
    return length;
  }

  /** The byte at {@code index}, 0 to 255. */
  public int get(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return array[start + index] & 0xFF;
  }

  /** A view of part of this slice. */
  public ByteSlice slice(int from, int count) {
    if (from < 0 || count < 0 || from + count > length) {
      throw new IndexOutOfBoundsException("slice " + from + "+" + count + " of " + length);
    }
    return new ByteSlice(array, start + from, count);
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(array, start, start + length);
  }

  /** Copies the bytes into {@code destination} at {@code position}. */
  public void copyTo(byte[] destination, int position) {
    System.arraycopy(array, start, destination, position, length);
  }

  /** The bytes as UTF-8 text. */
  public String asUtf8() {
    return new String(array, start, length, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteSlice that
        && Arrays.equals(array, start, start + length, that.array, that.start, that.start + that.length);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 1;
      for (int i = start; i < start + length; i++) {
        h = 31 * h + array[i];
      }
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ByteSlice[").append(length).append(" bytes:");
    for (int i = 0; i < Math.min(length, 16); i++) {
      text.append(' ').append(String.format("%02x", array[start + i] & 0xFF));
    }
    return text.append(length > 16 ? " ...]" : "]").toString();
  }
}
