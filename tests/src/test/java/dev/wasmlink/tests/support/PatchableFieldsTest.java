package dev.wasmlink.tests.support;

import static dev.wasmlink.tests.support.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchableFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link PatchableFields}: padded LEBs keep their full width whatever the value, never touch the bytes around them,
 * read back through {@code PatchableFields} and, because they are still well-formed LEBs, through
 * {@link ByteReader}; the range checks the generated handlers use have the documented boundaries.
 */
class PatchableFieldsTest {
  private static final InputLocation FILE = InputLocation.ofFile("p.o");
  private static final long SEED = 0xF1E1D5L;
  private static final byte FILL = (byte) 0xEE;
  private static final int AT = 3;

  /** A field encoding, with PatchableFields' writer and reader and ByteReader's reader for it. */
  enum Patch {
    ULEB32(FieldEncoding.ULEB32, r -> Integer.toUnsignedLong(r.readUleb32())),
    SLEB32(FieldEncoding.SLEB32, r -> r.readSleb32()),
    ULEB64(FieldEncoding.ULEB64, ByteReader::readUleb64),
    SLEB64(FieldEncoding.SLEB64, ByteReader::readSleb64),
    I32(FieldEncoding.I32, r -> Integer.toUnsignedLong(r.readI32())),
    I64(FieldEncoding.I64, ByteReader::readI64);

    final FieldEncoding encoding;
    final ToLongFunction<ByteReader> readWithByteReader;

    Patch(FieldEncoding encoding, ToLongFunction<ByteReader> readWithByteReader) {
      this.encoding = encoding;
      this.readWithByteReader = readWithByteReader;
    }

    void write(byte[] buffer, int position, long value) {
      switch (this) {
        case ULEB32 -> PatchableFields.writeUleb32(buffer, position, value);
        case SLEB32 -> PatchableFields.writeSleb32(buffer, position, value);
        case ULEB64 -> PatchableFields.writeUleb64(buffer, position, value);
        case SLEB64 -> PatchableFields.writeSleb64(buffer, position, value);
        case I32 -> PatchableFields.writeI32(buffer, position, value);
        case I64 -> PatchableFields.writeI64(buffer, position, value);
      }
    }

    long read(byte[] buffer, int position) {
      return switch (this) {
        case ULEB32 -> PatchableFields.readUleb32(buffer, position);
        case SLEB32 -> PatchableFields.readSleb32(buffer, position);
        case ULEB64 -> PatchableFields.readUleb64(buffer, position);
        case SLEB64 -> PatchableFields.readSleb64(buffer, position);
        case I32 -> PatchableFields.readI32(buffer, position);
        case I64 -> PatchableFields.readI64(buffer, position);
      };
    }

    boolean isLeb() {
      return this != I32 && this != I64;
    }
  }

  /** Values each field must round-trip exactly: the whole range the field's reader returns. */
  static List<Long> valuesFor(Patch patch) {
    List<Long> values = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(SEED + patch.ordinal());
    switch (patch) {
      case ULEB32, I32 -> {
        values.addAll(List.of(0L, 1L, 63L, 64L, 127L, 128L, 16383L, 16384L, 0x7FFF_FFFFL, 0x8000_0000L,
            0xFFFF_FFFEL, 0xFFFF_FFFFL));
        for (int i = 0; i < 2000; i++) {
          values.add(random.nextLong(0, 0x1_0000_0000L) >>> random.nextInt(32));
        }
      }
      case SLEB32 -> {
        values.addAll(List.of(0L, 1L, -1L, 63L, 64L, -64L, -65L, 127L, 128L, -128L, -129L,
            (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, (long) Integer.MIN_VALUE + 1));
        for (int i = 0; i < 2000; i++) {
          values.add((long) (random.nextInt() >> random.nextInt(32)));
        }
      }
      case ULEB64 -> {
        // Non-negative values; the top half of the unsigned range has its own test below.
        values.addAll(List.of(0L, 1L, 127L, 128L, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE));
        for (int i = 0; i < 2000; i++) {
          values.add((random.nextLong() >>> 1) >>> random.nextInt(63));
        }
      }
      case SLEB64, I64 -> {
        values.addAll(List.of(0L, 1L, -1L, -64L, -65L, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFF_FFFFL,
            -0x1_0000_0000L, (long) Integer.MIN_VALUE));
        for (int i = 0; i < 2000; i++) {
          values.add(random.nextLong() >> random.nextInt(64));
        }
      }
    }
    return values;
  }

  private static byte[] filled(int size) {
    byte[] buffer = new byte[size];
    Arrays.fill(buffer, FILL);
    return buffer;
  }

  private static void assertPaddedField(Patch patch, byte[] buffer, long value) {
    int width = patch.encoding.width();
    String what = patch + " " + value + " -> " + hex(buffer, AT, width);
    for (int i = 0; i < AT; i++) {
      assertEquals(FILL, buffer[i], what + ": byte " + i + " before the field was touched");
    }
    for (int i = AT + width; i < buffer.length; i++) {
      assertEquals(FILL, buffer[i], what + ": byte " + i + " after the field was touched");
    }
    if (patch.isLeb()) {
      for (int i = 0; i < width - 1; i++) {
        assertTrue((buffer[AT + i] & 0x80) != 0, what + ": byte " + i + " lacks its continuation bit");
      }
      assertEquals(0, buffer[AT + width - 1] & 0x80, what + ": last byte has a continuation bit");
    }
  }

  @ParameterizedTest
  @EnumSource(Patch.class)
  void paddedWritesKeepTheirWidthAndReadBack(Patch patch) {
    int width = patch.encoding.width();
    for (long value : valuesFor(patch)) {
      byte[] buffer = filled(AT + width + 3);
      patch.write(buffer, AT, value);
      assertPaddedField(patch, buffer, value);
      assertEquals(value, patch.read(buffer, AT), patch + " " + value + " -> " + hex(buffer, AT, width));
    }
  }

  @ParameterizedTest
  @EnumSource(Patch.class)
  void paddedWritesAreWellFormedForByteReader(Patch patch) {
    int width = patch.encoding.width();
    for (long value : valuesFor(patch)) {
      byte[] buffer = filled(AT + width + 3);
      patch.write(buffer, AT, value);
      ByteReader reader = ByteReader.of(buffer, AT, width, FILE);
      String what = patch + " " + value + " -> " + hex(buffer, AT, width);
      long read;
      try {
        read = patch.readWithByteReader.applyAsLong(reader);
      } catch (MalformedInputException e) {
        throw new AssertionError(what + " is refused by ByteReader: " + e.getMessage(), e);
      }
      assertEquals(value, read, what);
      assertEquals(0, reader.remaining(), what + ": ByteReader read " + reader.objectOffset() + " bytes");
    }
  }

  @Test
  void rewritingAFieldReplacesEveryByte() {
    for (Patch patch : Patch.values()) {
      byte[] buffer = filled(16);
      patch.write(buffer, AT, patch == Patch.ULEB32 || patch == Patch.I32 ? 0xFFFF_FFFFL : -1L);
      patch.write(buffer, AT, 5);
      assertEquals(5, patch.read(buffer, AT), patch.toString());
      assertPaddedField(patch, buffer, 5);
    }
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(delimiter = '|', value = {
    "ULEB32 | 0 | 80 80 80 80 00",
    "ULEB32 | 1 | 81 80 80 80 00",
    "ULEB32 | 128 | 80 81 80 80 00",
    "ULEB32 | 4294967295 | ff ff ff ff 0f",
    "SLEB32 | 0 | 80 80 80 80 00",
    "SLEB32 | -1 | ff ff ff ff 7f",
    "SLEB32 | -64 | c0 ff ff ff 7f",
    "SLEB32 | 64 | c0 80 80 80 00",
    "SLEB32 | -2147483648 | 80 80 80 80 78",
    "SLEB32 | 2147483647 | ff ff ff ff 07",
    "ULEB64 | 0 | 80 80 80 80 80 80 80 80 80 00",
    "ULEB64 | 9223372036854775807 | ff ff ff ff ff ff ff ff ff 00",
    "SLEB64 | -1 | ff ff ff ff ff ff ff ff ff 7f",
    "SLEB64 | -9223372036854775808 | 80 80 80 80 80 80 80 80 80 7f",
    "I32 | 305419896 | 78 56 34 12",
    "I64 | -2 | fe ff ff ff ff ff ff ff",
  })
  void knownPaddedEncodings(Patch patch, long value, String expected) {
    byte[] buffer = filled(AT + patch.encoding.width() + 2);
    patch.write(buffer, AT, value);
    assertEquals(expected, hex(buffer, AT, patch.encoding.width()));
  }

  @Test
  void uleb32AndI32WriteTheLow32BitsOfANegativeValue() {
    // The 32-bit writers take any value a 32-bit word can hold, signed or unsigned: -1 is 0xFFFFFFFF.
    byte[] uleb = filled(12);
    PatchableFields.writeUleb32(uleb, AT, -1);
    assertEquals("ff ff ff ff 0f", hex(uleb, AT, 5));
    assertEquals(0xFFFF_FFFFL, PatchableFields.readUleb32(uleb, AT));
    byte[] i32 = filled(12);
    PatchableFields.writeI32(i32, AT, -1);
    assertEquals(0xFFFF_FFFFL, PatchableFields.readI32(i32, AT));
  }

  @Test
  void sleb32OfAnUnsigned32BitValueHoldsTheSameWord() {
    // fits32 accepts 0x80000000..0xFFFFFFFF for SLEB32 fields; the field then holds that 32-bit word, which reads
    // back as the signed int with the same bits (as wasm-ld writes (int32_t) value).
    byte[] buffer = filled(12);
    PatchableFields.writeSleb32(buffer, AT, 0xFFFF_FFFFL);
    assertEquals("ff ff ff ff 7f", hex(buffer, AT, 5));
    assertEquals(-1, PatchableFields.readSleb32(buffer, AT));
    PatchableFields.writeSleb32(buffer, AT, 0x8000_0000L);
    assertEquals(Integer.MIN_VALUE, PatchableFields.readSleb32(buffer, AT));
    assertEquals(Integer.MIN_VALUE, ByteReader.of(buffer, AT, 5, FILE).readSleb32());
  }

  /**
   * An unsigned 64-bit field must hold every 64-bit pattern, including those with bit 63 set (a negative
   * {@code long}): the padded ULEB's 10th byte then carries only bit 63, 0x01, as LLVM's
   * {@code encodeULEB128(value, p, 10)} writes it. Sign-filling the top byte (0x7f) is not a valid ULEB64.
   */
  @ParameterizedTest(name = "ULEB64 {0}")
  @CsvSource({"-1", "-9223372036854775808", "-5", "-4294967296"})
  void uleb64WithBit63SetIsAValidPaddedUleb(long value) {
    byte[] buffer = filled(AT + 10 + 2);
    PatchableFields.writeUleb64(buffer, AT, value);
    assertPaddedField(Patch.ULEB64, buffer, value);
    assertAll(
        () -> assertEquals(value, PatchableFields.readUleb64(buffer, AT)),
        () -> assertEquals(0x01, buffer[AT + 9], "10th byte of ULEB64 " + Long.toUnsignedString(value) + ": "
            + hex(buffer, AT, 10)),
        () -> assertEquals(value, ByteReader.of(buffer, AT, 10, FILE).readUleb64(),
            "ByteReader reading " + hex(buffer, AT, 10)));
  }

  @Test
  void readersAcceptShorterEncodingsToo() {
    // Readers start at the field and stop at its last byte: a field that is not padded still reads.
    byte[] buffer = Hex.bytes("05 7f e5 8e 26");
    assertEquals(5, PatchableFields.readUleb32(buffer, 0));
    assertEquals(-1, PatchableFields.readSleb32(buffer, 1));
    assertEquals(624485, PatchableFields.readUleb64(buffer, 2));
    assertEquals(-1, PatchableFields.readSleb64(buffer, 1));
  }

  // --- range checks ------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "fits32({0}) = {1}")
  @CsvSource({
    "-2147483649, false",
    "-2147483648, true",
    "-1, true",
    "0, true",
    "2147483647, true",
    "2147483648, true",
    "4294967295, true",
    "4294967296, false",
    "-9223372036854775808, false",
    "9223372036854775807, false",
  })
  void fits32(long value, boolean fits) {
    assertEquals(fits, PatchableFields.fits32(value));
  }

  @ParameterizedTest(name = "fitsUleb32({0}) = {1}")
  @CsvSource({
    "-1, false",
    "-2147483648, false",
    "0, true",
    "1, true",
    "2147483648, true",
    "4294967295, true",
    "4294967296, false",
    "-9223372036854775808, false",
    "9223372036854775807, false",
  })
  void fitsUleb32(long value, boolean fits) {
    assertEquals(fits, PatchableFields.fitsUleb32(value));
  }

  @Test
  void encodingWidthsAndFlags() {
    assertAll(
        () -> assertEquals(5, FieldEncoding.ULEB32.width()),
        () -> assertEquals(5, FieldEncoding.SLEB32.width()),
        () -> assertEquals(10, FieldEncoding.ULEB64.width()),
        () -> assertEquals(10, FieldEncoding.SLEB64.width()),
        () -> assertEquals(4, FieldEncoding.I32.width()),
        () -> assertEquals(8, FieldEncoding.I64.width()),
        () -> assertTrue(FieldEncoding.SLEB32.isSigned()),
        () -> assertTrue(FieldEncoding.SLEB64.isSigned()),
        () -> assertFalse(FieldEncoding.ULEB32.isSigned()),
        () -> assertFalse(FieldEncoding.I64.isSigned()),
        () -> assertArrayEquals(
            new boolean[] {false, false, true, true, false, true},
            new boolean[] {
              FieldEncoding.ULEB32.isWide(), FieldEncoding.SLEB32.isWide(), FieldEncoding.ULEB64.isWide(),
              FieldEncoding.SLEB64.isWide(), FieldEncoding.I32.isWide(), FieldEncoding.I64.isWide()
            }));
  }
}
