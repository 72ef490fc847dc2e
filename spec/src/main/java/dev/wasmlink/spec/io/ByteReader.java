package dev.wasmlink.spec.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongPredicate;

/**
 * Reads the wasm binary encodings from a range of a byte array, by offset, the way generated decoders need them.
 * Every read checks the range it is given and every LEB is checked for length and overflow, so a malformed input
 * ends in a {@link MalformedInputException} that names the input, the section and the object offset, never in an
 * {@link IndexOutOfBoundsException}.
 */
public final class ByteReader {
  private final byte[] data;
  private final int objectStart;
  private final int limit;
  private final InputLocation location;
  private int position;

  private ByteReader(byte[] data, int objectStart, int position, int limit, InputLocation location) {
    this.data = data;
    this.objectStart = objectStart;
    this.position = position;
    this.limit = limit;
    this.location = location;
  }

  /** A reader over a whole object file. */
  public static ByteReader of(byte[] data, InputLocation location) {
    return new ByteReader(data, 0, 0, data.length, location);
  }

  /** A reader over an object that starts at {@code start} in {@code data} (an archive member) and has {@code length} bytes. */
  public static ByteReader of(byte[] data, int start, int length, InputLocation location) {
    return new ByteReader(data, start, start, start + length, location);
  }

  /** A reader over a slice of a previously read object, for lazy decoding of a section later on. */
  public static ByteReader of(ByteSlice slice, int objectStart, InputLocation location) {
    return new ByteReader(slice.array(), objectStart, slice.start(), slice.start() + slice.length(), location);
  }

  /** The same range, reporting errors as inside the named section. */
  public ByteReader inSection(String section) {
    return new ByteReader(data, objectStart, position, limit, location.inSection(section));
  }

  public InputLocation location() {
    return location;
  }

  /** The position in the underlying array. */
  public int position() {
    return position;
  }

  /** The position as an offset from the start of the object, as messages report it. */
  public int objectOffset() {
    return position - objectStart;
  }

  /** Where the object starts in the underlying array. */
  public int objectStart() {
    return objectStart;
  }

  public int remaining() {
    return limit - position;
  }

  public boolean hasMore() {
    return position < limit;
  }

  public int readU8() {
    require(1, "a byte");
    return data[position++] & 0xFF;
  }

  /** Peeks at the next byte without consuming it. */
  public int peekU8() {
    require(1, "a byte");
    return data[position] & 0xFF;
  }

  /**
   * An unsigned LEB128 of at most 5 bytes whose value fits 32 bits, returned as the {@code int} with those bits.
   *
   * <p>Every relocation entry is three or four of these, so a well-formed one with five bytes left to read is taken
   * without a bounds check per byte; anything else (near the end, too long, overflowing) goes the general way, which
   * says what is wrong.
   */
  public int readUleb32() {
    int p = position;
    if (limit - p >= 5) {
      int b = data[p];
      int value = b & 0x7F;
      if (b >= 0) {
        position = p + 1;
        return value;
      }
      for (int shift = 7; shift < 28; shift += 7) {
        b = data[++p];
        value |= (b & 0x7F) << shift;
        if (b >= 0) {
          position = p + 1;
          return value;
        }
      }
      b = data[++p];
      if ((b & 0xF0) == 0) {
        // The fifth byte holds the top four bits and ends the number.
        position = p + 1;
        return value | b << 28;
      }
    }
    return (int) readLeb(5, 32, false);
  }

  public int readSleb32() {
    return (int) readLeb(5, 32, true);
  }

  public long readUleb64() {
    return readLeb(10, 64, false);
  }

  public long readSleb64() {
    return readLeb(10, 64, true);
  }

  public int readI32() {
    require(4, "4 bytes");
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value |= (data[position++] & 0xFF) << (8 * i);
    }
    return value;
  }

  public long readI64() {
    require(8, "8 bytes");
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value |= (long) (data[position++] & 0xFF) << (8 * i);
    }
    return value;
  }

  /** A name: a byte length, then UTF-8, which must be valid. */
  public String readName() {
    int start = position;
    int length = readLength("name");
    if (isAscii(position, length)) {
      // Nearly every name is ASCII, which is valid UTF-8 as it is: no decoder needed.
      String name = new String(data, position, length, StandardCharsets.ISO_8859_1);
      position += length;
      return name;
    }
    try {
      String name =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data, position, length))
              .toString();
      position += length;
      return name;
    } catch (CharacterCodingException e) {
      throw errorAt(start, "name is not valid UTF-8");
    }
  }

  private boolean isAscii(int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (data[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** A byte length, then that many bytes, as a view. */
  public ByteSlice readSizedBytes() {
    int length = readLength("byte string");
    return takeSlice(length);
  }

  /** Exactly {@code length} bytes, as a view. */
  public ByteSlice readFixedBytes(int length) {
    require(length, length + " bytes");
    return takeSlice(length);
  }

  /** Every byte left, as a view. */
  public ByteSlice readRemaining() {
    return takeSlice(remaining());
  }

  /**
   * A vector's element count. Every element takes at least one byte, so a count larger than what is left is refused
   * here, before anything is allocated for it.
   */
  public int readCount() {
    int start = position;
    int count = readUleb32();
    if (Integer.compareUnsigned(count, remaining()) > 0) {
      throw errorAt(
          start,
          "vector of " + Integer.toUnsignedString(count) + " elements cannot fit in the " + remaining()
              + " bytes left");
    }
    return count;
  }

  /** A ULEB128 byte size, then a reader over exactly that many bytes; this reader moves past them. */
  public ByteReader readSized(String what) {
    int size = readLength(what);
    return slice(size);
  }

  /** A reader over the next {@code size} bytes; this reader moves past them. */
  public ByteReader slice(int size) {
    require(size, size + " bytes");
    ByteReader sub = new ByteReader(data, objectStart, position, position + size, location);
    position += size;
    return sub;
  }

  /** Consumes one byte that must have the given value. */
  public void expectByte(int expected, String what) {
    int start = position;
    int actual = readU8();
    if (actual != expected) {
      throw errorAt(
          start, "expected " + what + " (0x" + Integer.toHexString(expected) + ") but found 0x"
              + Integer.toHexString(actual));
    }
  }

  /** Checks that a framed payload was consumed exactly, as every section and subsection must be. */
  public void expectEnd(String what) {
    if (position != limit) {
      throw error(what + " has " + remaining() + " unread bytes before its declared end");
    }
  }

  /** Runs a presence predicate over an earlier field, turning its refusal into malformed input at that field. */
  public boolean test(LongPredicate predicate, long value, int fieldPosition) {
    try {
      return predicate.test(value);
    } catch (IllegalArgumentException e) {
      throw errorAt(fieldPosition, e.getMessage());
    }
  }

  /** A malformed-input error at the current position. */
  public MalformedInputException error(String problem) {
    return errorAt(position, problem);
  }

  /** A malformed-input error at a position of the underlying array. */
  public MalformedInputException errorAt(int arrayPosition, String problem) {
    return new MalformedInputException(location, arrayPosition - objectStart, problem);
  }

  private int readLength(String what) {
    int start = position;
    int length = readUleb32();
    if (length < 0 || length > remaining()) {
      throw errorAt(
          start, what + " of " + Integer.toUnsignedString(length) + " bytes runs past the end ("
              + remaining() + " bytes left)");
    }
    return length;
  }

  private ByteSlice takeSlice(int length) {
    ByteSlice slice = ByteSlice.of(data, position, length);
    position += length;
    return slice;
  }

  private void require(int count, String what) {
    if (count < 0 || count > limit - position) {
      throw error("unexpected end: needed " + what + ", " + remaining() + " left");
    }
  }

  /**
   * Decodes a LEB128 of at most {@code maxBytes} bytes whose value must fit {@code bits} bits. The last byte's unused
   * high bits must be zero (unsigned) or copies of the sign bit (signed), which is what the spec's "the value must
   * fit" means for the final byte.
   */
  private long readLeb(int maxBytes, int bits, boolean signed) {
    int start = position;
    long result = 0;
    int shift = 0;
    for (int i = 0; i < maxBytes; i++) {
      if (position >= limit) {
        throw errorAt(start, "LEB128 runs past the end");
      }
      int b = data[position++] & 0xFF;
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        if (i == maxBytes - 1) {
          checkLastByte(start, b, maxBytes, bits, signed);
        }
        if (signed && shift < 64 && (b & 0x40) != 0) {
          result |= -1L << shift;
        }
        return result;
      }
    }
    throw errorAt(start, "LEB128 is longer than " + maxBytes + " bytes");
  }

  private void checkLastByte(int start, int last, int maxBytes, int bits, boolean signed) {
    int usedBits = bits - 7 * (maxBytes - 1);
    int unused = 0x7F & ~((1 << usedBits) - 1);
    int high = last & unused;
    boolean fits;
    if (signed) {
      int signBit = (last >> (usedBits - 1)) & 1;
      fits = high == (signBit == 1 ? unused : 0);
    } else {
      fits = high == 0;
    }
    if (!fits) {
      throw errorAt(start, "LEB128 value overflows " + bits + " bits");
    }
  }
}
