package dev.wasmlink.spec.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** Writes the wasm binary encodings into a growing buffer; LEBs are written in their shortest form. */
public final class ByteWriter {
  private byte[] buffer;
  private int size;

  public ByteWriter() {
    this(64);
  }

  public ByteWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  /** Forgets what was written, keeping the buffer for what comes next. */
  public void reset() {
    size = 0;
  }

  public void writeU8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  /** The {@code int}'s 32 bits as an unsigned LEB128. */
  public void writeUleb32(int value) {
    writeUleb64(Integer.toUnsignedLong(value));
  }

  public void writeSleb32(int value) {
    writeSleb64(value);
  }

  public void writeUleb64(long value) {
    long rest = value;
    do {
      int b = (int) (rest & 0x7F);
      rest >>>= 7;
      writeU8(rest != 0 ? b | 0x80 : b);
    } while (rest != 0);
  }

  public void writeSleb64(long value) {
    long rest = value;
    while (true) {
      int b = (int) (rest & 0x7F);
      rest >>= 7;
      boolean done = (rest == 0 && (b & 0x40) == 0) || (rest == -1 && (b & 0x40) != 0);
      writeU8(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }

  public void writeI32(int value) {
    for (int i = 0; i < 4; i++) {
      writeU8(value >>> (8 * i));
    }
  }

  public void writeI64(long value) {
    for (int i = 0; i < 8; i++) {
      writeU8((int) (value >>> (8 * i)));
    }
  }

  public void writeName(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    writeUleb32(utf8.length);
    writeBytes(utf8, 0, utf8.length);
  }

  /** A byte length, then the bytes. */
  public void writeSizedBytes(ByteSlice bytes) {
    writeUleb32(bytes.length());
    writeBytes(bytes);
  }

  /** The bytes, with no length. */
  public void writeBytes(ByteSlice bytes) {
    writeBytes(bytes.array(), bytes.start(), bytes.length());
  }

  public void writeBytes(byte[] bytes, int start, int length) {
    ensure(length);
    System.arraycopy(bytes, start, buffer, size, length);
    size += length;
  }

  /**
   * A framed payload: what {@code payload} writes, preceded by its byte size. The payload is written in place, after
   * room for the longest size, and moved back over what the size's shortest encoding leaves unused: one move, where a
   * buffer of its own would be grown and then copied (nested payloads, a module's sections, would be copied at every
   * level). {@code payload} must not read {@link #size()}, which counts from the start of this writer.
   */
  public void writeSized(Consumer<ByteWriter> payload) {
    ensure(MAX_ULEB32_LENGTH);
    int sizeAt = size;
    int payloadAt = sizeAt + MAX_ULEB32_LENGTH;
    size = payloadAt;
    payload.accept(this);
    int length = size - payloadAt;
    int sizeLength = uleb32Length(length);
    System.arraycopy(buffer, payloadAt, buffer, sizeAt + sizeLength, length);
    size = sizeAt;
    writeUleb32(length);
    size += length;
  }

  private static final int MAX_ULEB32_LENGTH = 5;

  /** How many bytes the {@code int}'s 32 bits take as an unsigned LEB128: 1 to 5. */
  public static int uleb32Length(int value) {
    int length = 1;
    for (long rest = Integer.toUnsignedLong(value) >>> 7; rest != 0; rest >>>= 7) {
      length++;
    }
    return length;
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
