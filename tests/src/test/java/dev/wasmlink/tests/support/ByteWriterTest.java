package dev.wasmlink.tests.support;

import static dev.wasmlink.tests.support.Hex.bytes;
import static dev.wasmlink.tests.support.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.ByteWriter;
import dev.wasmlink.spec.io.InputLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ByteWriter} against {@link ByteReader}: every LEB the writer produces is the shortest encoding of its value
 * and reads back to it, over a few thousand values per form drawn with a fixed seed; framing and names round-trip.
 */
class ByteWriterTest {
  private static final InputLocation FILE = InputLocation.ofFile("w.o");
  private static final long SEED = 0x5EED_1EB1_28L;
  private static final int SAMPLES = 4000;

  /** The four LEB forms: how the writer writes one, how the reader reads it, and what values the form holds. */
  enum Form {
    U32(false, (w, v) -> w.writeUleb32((int) v), r -> Integer.toUnsignedLong(r.readUleb32()),
        v -> v & 0xFFFF_FFFFL),
    S32(true, (w, v) -> w.writeSleb32((int) v), r -> r.readSleb32(), v -> (int) v),
    U64(false, ByteWriter::writeUleb64, ByteReader::readUleb64, v -> v),
    S64(true, ByteWriter::writeSleb64, ByteReader::readSleb64, v -> v);

    final boolean signed;
    final ObjLongConsumer<ByteWriter> write;
    final ToLongFunction<ByteReader> read;
    /** The value the form holds for a random {@code long}: u32 as unsigned, s32 sign-extended. */
    final LongUnaryOperator normalise;

    Form(boolean signed, ObjLongConsumer<ByteWriter> write, ToLongFunction<ByteReader> read,
        LongUnaryOperator normalise) {
      this.signed = signed;
      this.write = write;
      this.read = read;
      this.normalise = normalise;
    }
  }

  /**
   * How many bytes the shortest LEB of {@code value} takes: enough 7-bit groups for its significant bits, plus the
   * sign bit for a signed value. Computed independently of the writer.
   */
  static int shortestLength(long value, boolean signed) {
    int bits;
    if (signed) {
      long magnitudeBits = value < 0 ? ~value : value;
      bits = 64 - Long.numberOfLeadingZeros(magnitudeBits) + 1; // plus the sign
    } else {
      bits = 64 - Long.numberOfLeadingZeros(value);
    }
    return Math.max(1, (bits + 6) / 7);
  }

  /** Values worth checking: random ones of every magnitude, and both sides of every power of two. */
  static List<Long> spread() {
    SplittableRandom random = new SplittableRandom(SEED);
    List<Long> values = new ArrayList<>();
    for (int shift = 0; shift < 64; shift++) {
      long power = 1L << shift;
      for (long value : new long[] {power - 1, power, power + 1, -power, -power - 1, -power + 1}) {
        values.add(value);
      }
    }
    values.add(Long.MIN_VALUE);
    values.add(Long.MAX_VALUE);
    values.add((long) Integer.MIN_VALUE);
    values.add((long) Integer.MAX_VALUE);
    values.add(0xFFFF_FFFFL);
    while (values.size() < SAMPLES) {
      // A random number of significant bits, so that short encodings are as well covered as long ones.
      int bits = random.nextInt(1, 65);
      long value = random.nextLong() >>> (64 - bits);
      values.add(random.nextBoolean() ? value : -value);
    }
    return values;
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void everyWrittenLebIsShortestAndReadsBack(Form form) {
    for (long sample : spread()) {
      long value = form.normalise.applyAsLong(sample);
      ByteWriter writer = new ByteWriter(1);
      form.write.accept(writer, value);
      byte[] bytes = writer.toByteArray();
      String what = form + " " + value + " written as " + hex(bytes);

      assertEquals(shortestLength(value, form.signed), bytes.length, what + " is not the shortest encoding");
      for (int i = 0; i < bytes.length - 1; i++) {
        assertTrue((bytes[i] & 0x80) != 0, what + ": byte " + i + " lacks its continuation bit");
      }
      assertEquals(0, bytes[bytes.length - 1] & 0x80, what + ": last byte has a continuation bit");

      ByteReader reader = ByteReader.of(bytes, FILE);
      assertEquals(value, form.read.applyAsLong(reader), what);
      assertFalse(reader.hasMore(), what + " was not read to its end");
    }
  }

  @Test
  void manyLebsInOneStreamReadBackInOrder() {
    List<Long> values = spread();
    ByteWriter writer = new ByteWriter();
    for (long value : values) {
      writer.writeUleb32((int) value);
      writer.writeSleb32((int) value);
      writer.writeUleb64(value);
      writer.writeSleb64(value);
    }
    ByteReader reader = ByteReader.of(writer.toByteArray(), FILE);
    for (long value : values) {
      assertEquals((int) value, reader.readUleb32());
      assertEquals((int) value, reader.readSleb32());
      assertEquals(value, reader.readUleb64());
      assertEquals(value, reader.readSleb64());
    }
    assertFalse(reader.hasMore());
  }

  @ParameterizedTest(name = "{0} {1} is written as {2}")
  @CsvSource(delimiter = '|', value = {
    "U32 | 0 | 00",
    "U32 | 127 | 7f",
    "U32 | 128 | 80 01",
    "U32 | 624485 | e5 8e 26",
    "U32 | -1 | ff ff ff ff 0f",
    "S32 | -1 | 7f",
    "S32 | 63 | 3f",
    "S32 | 64 | c0 00",
    "S32 | -64 | 40",
    "S32 | -65 | bf 7f",
    "S32 | -123456 | c0 bb 78",
    "S32 | -2147483648 | 80 80 80 80 78",
    "U64 | -1 | ff ff ff ff ff ff ff ff ff 01",
    "S64 | -9223372036854775808 | 80 80 80 80 80 80 80 80 80 7f",
    "S64 | 9223372036854775807 | ff ff ff ff ff ff ff ff ff 00",
  })
  void knownEncodings(Form form, long value, String expected) {
    ByteWriter writer = new ByteWriter();
    form.write.accept(writer, value);
    assertEquals(expected, hex(writer.toByteArray()));
  }

  @Test
  void writeSizedPrefixesThePayloadWithItsSize() {
    ByteWriter writer = new ByteWriter();
    writer.writeU8(0xAA);
    writer.writeSized(payload -> {
      payload.writeUleb32(300);
      payload.writeName("f");
      payload.writeI32(7);
    });
    writer.writeU8(0xBB);
    // 300 takes 2 bytes, the name 2, the i32 4: a payload of 8 bytes.
    assertEquals("aa 08 ac 02 01 66 07 00 00 00 bb", hex(writer.toByteArray()));

    ByteReader reader = ByteReader.of(writer.toByteArray(), FILE);
    assertEquals(0xAA, reader.readU8());
    ByteReader payload = reader.readSized("payload");
    assertEquals(8, payload.remaining());
    assertEquals(300, payload.readUleb32());
    assertEquals("f", payload.readName());
    assertEquals(7, payload.readI32());
    payload.expectEnd("payload");
    assertEquals(0xBB, reader.readU8());
    reader.expectEnd("all");
  }

  @ParameterizedTest(name = "payload of {0} bytes has a {1}-byte size")
  @CsvSource({"0, 1", "1, 1", "127, 1", "128, 2", "16383, 2", "16384, 3", "100000, 3"})
  void writeSizedFramesPayloadsOfAnySize(int size, int sizeBytes) {
    byte[] content = new byte[size];
    new SplittableRandom(SEED + size).nextBytes(content);
    ByteWriter writer = new ByteWriter(4);
    writer.writeSized(payload -> payload.writeBytes(content, 0, content.length));
    byte[] bytes = writer.toByteArray();
    assertEquals(sizeBytes + size, bytes.length);

    ByteReader reader = ByteReader.of(bytes, FILE);
    ByteReader payload = reader.readSized("payload");
    assertEquals(sizeBytes, payload.objectOffset());
    assertArrayEquals(content, payload.readRemaining().toByteArray());
    assertFalse(reader.hasMore());
  }

  @Test
  void nestedWriteSizedFramesNest() {
    ByteWriter writer = new ByteWriter();
    writer.writeSized(outer -> {
      outer.writeU8(1);
      outer.writeSized(inner -> inner.writeUleb64(1L << 35));
      outer.writeU8(2);
    });
    ByteReader reader = ByteReader.of(writer.toByteArray(), FILE);
    ByteReader outer = reader.readSized("outer");
    assertEquals(1, outer.readU8());
    ByteReader inner = outer.readSized("inner");
    assertEquals(1L << 35, inner.readUleb64());
    inner.expectEnd("inner");
    assertEquals(2, outer.readU8());
    outer.expectEnd("outer");
    reader.expectEnd("all");
  }

  @ParameterizedTest
  @CsvSource({"''", "a", "main", "__wasm_call_ctors", "héllo", "€uro", "𝄞 clef", "名前", "\u0000nul"})
  void writeNameWritesUtf8ThatReadNameReadsBack(String name) {
    ByteWriter writer = new ByteWriter();
    writer.writeName(name);
    writer.writeU8(0x42);
    byte[] bytes = writer.toByteArray();
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);

    ByteReader reader = ByteReader.of(bytes, FILE);
    assertEquals(utf8.length, reader.readUleb32(), "the length counts UTF-8 bytes, not chars");
    assertArrayEquals(utf8, reader.readFixedBytes(utf8.length).toByteArray());

    ByteReader again = ByteReader.of(bytes, FILE);
    assertEquals(name, again.readName());
    assertEquals(0x42, again.readU8());
  }

  @Test
  void writeNameOfALongNameHasAMultiByteLength() {
    String name = "é".repeat(100); // 200 UTF-8 bytes, 100 chars
    ByteWriter writer = new ByteWriter();
    writer.writeName(name);
    byte[] bytes = writer.toByteArray();
    assertEquals("c8 01", hex(bytes, 0, 2));
    assertEquals(202, bytes.length);
    assertEquals(name, ByteReader.of(bytes, FILE).readName());
  }

  @Test
  void fixedWidthIntegersAreLittleEndianAndReadBack() {
    ByteWriter writer = new ByteWriter();
    writer.writeI32(0x12345678);
    writer.writeI32(-2);
    writer.writeI64(0x0102030405060708L);
    writer.writeI64(Long.MIN_VALUE);
    assertArrayEquals(
        bytes("78 56 34 12 fe ff ff ff 08 07 06 05 04 03 02 01 00 00 00 00 00 00 00 80"), writer.toByteArray());
    ByteReader reader = ByteReader.of(writer.toByteArray(), FILE);
    assertEquals(0x12345678, reader.readI32());
    assertEquals(-2, reader.readI32());
    assertEquals(0x0102030405060708L, reader.readI64());
    assertEquals(Long.MIN_VALUE, reader.readI64());
  }

  @Test
  void sizedBytesRoundTripAndTheBufferGrows() {
    byte[] big = new byte[5000];
    new SplittableRandom(SEED).nextBytes(big);
    ByteWriter writer = new ByteWriter(1);
    writer.writeSizedBytes(ByteSlice.of(big, 10, 4000));
    writer.writeBytes(ByteSlice.of(big, 0, 3));
    assertEquals(2 + 4000 + 3, writer.size());
    ByteReader reader = ByteReader.of(writer.toByteArray(), FILE);
    assertEquals(ByteSlice.of(big, 10, 4000), reader.readSizedBytes());
    assertEquals(ByteSlice.of(big, 0, 3), reader.readRemaining());
  }
}
