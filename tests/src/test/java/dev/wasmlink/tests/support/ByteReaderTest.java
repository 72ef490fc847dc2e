package dev.wasmlink.tests.support;

import static dev.wasmlink.tests.support.Hex.bytes;
import static dev.wasmlink.tests.support.Hex.repeat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.reloc.RelocationCarriesAddend;
import java.nio.charset.StandardCharsets;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ByteReader}: every LEB form in its minimal and padded encodings, the three ways a LEB can be malformed
 * (over-long, overflowing, truncated), names, counts, framing, fixed-width integers, and the offsets that
 * {@link MalformedInputException} reports, which are from the start of the object even inside an archive.
 */
class ByteReaderTest {
  private static final InputLocation FILE = InputLocation.ofFile("t.o");

  /** The four LEB forms, each read as the {@code long} it denotes (u32 as unsigned, s32 sign-extended). */
  enum Leb {
    U32(5, 32, reader -> Integer.toUnsignedLong(reader.readUleb32())),
    S32(5, 32, reader -> reader.readSleb32()),
    U64(10, 64, ByteReader::readUleb64),
    S64(10, 64, ByteReader::readSleb64);

    final int maxBytes;
    final int bits;
    final ToLongFunction<ByteReader> read;

    Leb(int maxBytes, int bits, ToLongFunction<ByteReader> read) {
      this.maxBytes = maxBytes;
      this.bits = bits;
      this.read = read;
    }

    long read(ByteReader reader) {
      return read.applyAsLong(reader);
    }
  }

  private static ByteReader reader(String hex) {
    return ByteReader.of(bytes(hex), FILE);
  }

  /** Reads one LEB that must use every byte given. */
  private static void assertReads(Leb form, String hex, long expected) {
    ByteReader reader = reader(hex);
    long actual = form.read(reader);
    assertEquals(expected, actual, form + " of " + hex);
    assertEquals(0, reader.remaining(), form + " of " + hex + " must consume every byte");
    assertEquals(bytes(hex).length, reader.objectOffset());
  }

  private static MalformedInputException assertMalformed(Executable read, long offset, String problemFragment) {
    MalformedInputException e = assertThrows(MalformedInputException.class, read);
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.problem().contains(problemFragment), "expected '" + problemFragment + "' in: " + e.getMessage());
    assertTrue(e.getMessage().contains("at offset 0x" + Long.toHexString(offset)), e.getMessage());
    return e;
  }

  // --- unsigned 32 -------------------------------------------------------------------------------------------------

  /**
   * readUleb32 takes a number with five bytes left after it without a bounds check per byte, and one nearer the end
   * the general way: both must agree on every encoding, good or bad, down to the error's offset and words.
   */
  @Test
  void uleb32ReadsTheSameWithAndWithoutBytesAfterIt() {
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 20_000; round++) {
      byte[] encoding = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < encoding.length; i++) {
        int b = random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(16);
        // Every byte but the last continues the number; the last ends it, whatever bits it has beside.
        encoding[i] = (byte) (i < encoding.length - 1 ? b | 0x80 : b & 0x7F);
      }
      byte[] padded = java.util.Arrays.copyOf(encoding, encoding.length + 5);
      String near = outcome(ByteReader.of(encoding, FILE));
      String far = outcome(ByteReader.of(padded, FILE));
      assertEquals(near, far, java.util.HexFormat.of().formatHex(encoding));
    }
  }

  private static String outcome(ByteReader reader) {
    try {
      return reader.readUleb32() + " then at " + reader.objectOffset();
    } catch (MalformedInputException e) {
      return e.getMessage();
    }
  }

  @ParameterizedTest(name = "u32 {0} = {1}")
  @CsvSource(delimiter = '|', value = {
    // minimal
    "00 | 0",
    "01 | 1",
    "7f | 127",
    "80 01 | 128",
    "ff ff ff ff 07 | 2147483647",
    "ff ff ff ff 0f | 4294967295",
    // padded, as relocatable fields are
    "80 00 | 0",
    "80 80 80 80 00 | 0",
    "81 80 80 80 00 | 1",
    "ff 00 | 127",
    "ff 80 80 80 00 | 127",
    "80 81 00 | 128",
    "80 81 80 80 00 | 128",
  })
  void uleb32(String hex, long expected) {
    assertReads(Leb.U32, hex, expected);
  }

  // --- signed 32 ---------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "s32 {0} = {1}")
  @CsvSource(delimiter = '|', value = {
    // minimal
    "00 | 0",
    "01 | 1",
    "3f | 63",
    "c0 00 | 64",
    "ff 00 | 127",
    "80 01 | 128",
    "7f | -1",
    "40 | -64",
    "bf 7f | -65",
    "ff ff ff ff 07 | 2147483647",
    "80 80 80 80 78 | -2147483648",
    // padded
    "80 80 80 80 00 | 0",
    "81 80 80 80 00 | 1",
    "ff 80 80 80 00 | 127",
    "80 81 80 80 00 | 128",
    "ff 7f | -1",
    "ff ff ff ff 7f | -1",
    "c0 7f | -64",
    "c0 ff ff ff 7f | -64",
    "bf ff ff ff 7f | -65",
  })
  void sleb32(String hex, long expected) {
    assertReads(Leb.S32, hex, expected);
  }

  // --- unsigned 64 -------------------------------------------------------------------------------------------------

  static Stream<Arguments> uleb64Cases() {
    return Stream.of(
        Arguments.of("00", "0"),
        Arguments.of("01", "1"),
        Arguments.of("7f", "127"),
        Arguments.of("80 01", "128"),
        Arguments.of("ff ff ff ff 0f", "4294967295"),
        Arguments.of("80 80 80 80 10", "4294967296"),
        Arguments.of(repeat("", "ff", 8, "7f").strip(), "9223372036854775807"),
        Arguments.of(repeat("", "80", 9, "01").strip(), "9223372036854775808"),
        Arguments.of(repeat("", "ff", 9, "01").strip(), "18446744073709551615"),
        // padded
        Arguments.of(repeat("", "80", 9, "00").strip(), "0"),
        Arguments.of(repeat("81", "80", 8, "00"), "1"),
        Arguments.of(repeat("80 81", "80", 7, "00"), "128"),
        Arguments.of(repeat("", "ff", 9, "00").strip(), "9223372036854775807"));
  }

  @ParameterizedTest(name = "u64 {0} = {1}")
  @MethodSource("uleb64Cases")
  void uleb64(String hex, String expected) {
    assertReads(Leb.U64, hex, Long.parseUnsignedLong(expected));
  }

  // --- signed 64 ---------------------------------------------------------------------------------------------------

  static Stream<Arguments> sleb64Cases() {
    return Stream.of(
        Arguments.of("00", 0L),
        Arguments.of("7f", -1L),
        Arguments.of("40", -64L),
        Arguments.of("bf 7f", -65L),
        Arguments.of("ff ff ff ff 0f", 4294967295L),
        Arguments.of("80 80 80 80 70", -4294967296L),
        Arguments.of("80 80 80 80 78", (long) Integer.MIN_VALUE),
        Arguments.of(repeat("", "ff", 9, "00").strip(), Long.MAX_VALUE),
        Arguments.of(repeat("", "80", 9, "7f").strip(), Long.MIN_VALUE),
        // padded
        Arguments.of(repeat("", "80", 9, "00").strip(), 0L),
        Arguments.of(repeat("", "ff", 9, "7f").strip(), -1L),
        Arguments.of(repeat("c0", "ff", 8, "7f"), -64L),
        Arguments.of(repeat("bf", "ff", 8, "7f"), -65L),
        Arguments.of(repeat("81", "80", 8, "00"), 1L));
  }

  @ParameterizedTest(name = "s64 {0} = {1}")
  @MethodSource("sleb64Cases")
  void sleb64(String hex, long expected) {
    assertReads(Leb.S64, hex, expected);
  }

  // --- malformed LEBs ----------------------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Leb.class)
  void overLongLebIsRefused(Leb form) {
    // One byte more than the form allows, every byte but the last with its continuation bit; value 0.
    String tooLong = repeat("", "80", form.maxBytes, "00").strip();
    // Behind a one-byte prefix, so the offset shows the error is reported at the LEB's first byte.
    ByteReader reader = reader("aa " + tooLong);
    reader.readU8();
    MalformedInputException e =
        assertMalformed(() -> form.read(reader), 1, "longer than " + form.maxBytes + " bytes");
    assertEquals("LEB128 is longer than " + form.maxBytes + " bytes", e.problem());
    assertEquals("t.o at offset 0x1: LEB128 is longer than " + form.maxBytes + " bytes", e.getMessage());

    // A continuation bit on the last allowed byte is the same error, whatever the value bits.
    String allOnes = repeat("", "ff", form.maxBytes, "0f").strip();
    assertMalformed(() -> form.read(reader(allOnes)), 0, "longer than " + form.maxBytes + " bytes");
  }

  @ParameterizedTest(name = "{0} {1} overflows")
  @CsvSource(delimiter = '|', value = {
    // u32: the 5th byte holds bits 28..31, so only its low 4 bits may be set
    "U32 | ff ff ff ff 1f",
    "U32 | 80 80 80 80 10",
    "U32 | 80 80 80 80 70",
    "U32 | ff ff ff ff 7f",
    // s32: the 5th byte's bits 4..6 must all equal bit 3, the sign
    "S32 | ff ff ff ff 4f",
    "S32 | 80 80 80 80 08",
    "S32 | ff ff ff ff 77",
    "S32 | 80 80 80 80 70",
    "S32 | 80 80 80 80 38",
    // u64: the 10th byte holds bit 63 only
    "U64 | ff ff ff ff ff ff ff ff ff 02",
    "U64 | 80 80 80 80 80 80 80 80 80 7f",
    "U64 | 80 80 80 80 80 80 80 80 80 40",
    // s64: the 10th byte is 0x00 or 0x7f
    "S64 | 80 80 80 80 80 80 80 80 80 01",
    "S64 | ff ff ff ff ff ff ff ff ff 7e",
    "S64 | 80 80 80 80 80 80 80 80 80 40",
    "S64 | ff ff ff ff ff ff ff ff ff 3f",
  })
  void overflowingLastByteIsRefused(Leb form, String hex) {
    ByteReader reader = reader("aa bb " + hex);
    reader.readU8();
    reader.readU8();
    MalformedInputException e = assertMalformed(() -> form.read(reader), 2, "overflows");
    assertEquals("LEB128 value overflows " + form.bits + " bits", e.problem());
  }

  @ParameterizedTest(name = "{0} {1} is valid at full width")
  @CsvSource(delimiter = '|', value = {
    "U32 | ff ff ff ff 0f | 4294967295",
    "S32 | ff ff ff ff 07 | 2147483647",
    "S32 | 80 80 80 80 78 | -2147483648",
    "S32 | ff ff ff ff 7f | -1",
    "U64 | 80 80 80 80 80 80 80 80 80 01 | -9223372036854775808",
    "S64 | ff ff ff ff ff ff ff ff ff 00 | 9223372036854775807",
    "S64 | 80 80 80 80 80 80 80 80 80 7f | -9223372036854775808",
  })
  void lastByteAtTheBoundaryIsAccepted(Leb form, String hex, long expected) {
    assertReads(form, hex, expected);
  }

  @ParameterizedTest(name = "{0} {1} is truncated")
  @CsvSource(delimiter = '|', value = {
    "U32 | ''", "U32 | 80", "U32 | ff ff", "U32 | 80 80 80 80",
    "S32 | ''", "S32 | ff", "S32 | 80 80 80 80",
    "U64 | ''", "U64 | 80", "U64 | 80 80 80 80 80 80 80 80 80",
    "S64 | ''", "S64 | ff ff ff", "S64 | ff ff ff ff ff ff ff ff ff",
  })
  void truncatedLebIsRefused(Leb form, String hex) {
    ByteReader reader = reader("aa " + hex);
    reader.readU8();
    MalformedInputException e = assertMalformed(() -> form.read(reader), 1, "runs past the end");
    assertEquals("LEB128 runs past the end", e.problem());
  }

  @ParameterizedTest
  @EnumSource(Leb.class)
  void lebStopsAtTheReadersLimitNotAtTheArraysEnd(Leb form) {
    // The array has a terminating byte, but it lies past the object the reader was given.
    byte[] data = bytes("11 80 80 00 22");
    ByteReader reader = ByteReader.of(data, 1, 2, FILE);
    assertMalformed(() -> form.read(reader), 0, "runs past the end");
  }

  @Test
  void consecutiveLebsAreReadInOrder() {
    ByteReader reader = reader("e5 8e 26 7f 80 80 80 80 00 c0 bb 78");
    assertEquals(624485, reader.readUleb32());
    assertEquals(-1, reader.readSleb32());
    assertEquals(0, reader.readUleb64());
    assertEquals(-123456, reader.readSleb64());
    assertFalse(reader.hasMore());
  }

  // --- names -------------------------------------------------------------------------------------------------------

  @Test
  void readNameDecodesMultiByteUtf8() {
    String name = "é€𝄞_f"; // 2-, 3- and 4-byte sequences, then ASCII
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    assertEquals(2 + 3 + 4 + 2, utf8.length);
    byte[] data = new byte[utf8.length + 2];
    data[0] = (byte) utf8.length;
    System.arraycopy(utf8, 0, data, 1, utf8.length);
    data[data.length - 1] = 0x42;

    ByteReader reader = ByteReader.of(data, FILE);
    assertEquals(name, reader.readName());
    assertEquals(1, reader.remaining());
    assertEquals(0x42, reader.readU8());
  }

  @Test
  void readNameOfLengthZeroIsEmpty() {
    ByteReader reader = reader("00 01");
    assertEquals("", reader.readName());
    assertEquals(1, reader.remaining());
  }

  @ParameterizedTest(name = "invalid UTF-8 {0}")
  @CsvSource({
    "'02 c3 28'", // a 2-byte lead followed by ASCII
    "'01 80'", // a lone continuation byte
    "'02 c0 80'", // an over-long encoding of NUL
    "'03 ed a0 80'", // a UTF-16 surrogate, which UTF-8 may not encode
    "'01 ff'", // never valid in UTF-8
    "'02 e2 82'", // a 3-byte sequence cut short by the name's end; the byte after the name would complete it
  })
  void readNameRefusesInvalidUtf8(String hex) {
    // The name sits after a 2-byte prefix; the error points at its length byte.
    byte[] name = bytes(hex);
    byte[] data = new byte[name.length + 3];
    data[0] = 0x01;
    data[1] = 0x02;
    System.arraycopy(name, 0, data, 2, name.length);
    data[data.length - 1] = (byte) 0xAC; // a continuation byte after the name must not complete it
    ByteReader reader = ByteReader.of(data, FILE);
    reader.readU8();
    reader.readU8();
    MalformedInputException e = assertMalformed(reader::readName, 2, "not valid UTF-8");
    assertEquals("name is not valid UTF-8", e.problem());
  }

  @Test
  void nameLengthPastTheEndIsRefused() {
    ByteReader reader = reader("aa 05 61 62");
    reader.readU8();
    MalformedInputException e = assertMalformed(reader::readName, 1, "runs past the end");
    assertEquals("name of 5 bytes runs past the end (2 bytes left)", e.problem());
  }

  @Test
  void hugeNameLengthIsRefusedWithoutOverflow() {
    // 0xFFFFFFFF is negative as an int; it must still be reported as a length, unsigned.
    MalformedInputException e = assertMalformed(reader("ff ff ff ff 0f 61")::readName, 0, "runs past the end");
    assertEquals("name of 4294967295 bytes runs past the end (1 bytes left)", e.problem());
  }

  // --- counts, slices, framing -------------------------------------------------------------------------------------

  @Test
  void readCountAcceptsACountThatFits() {
    ByteReader reader = reader("03 01 02 03");
    assertEquals(3, reader.readCount());
    assertEquals(3, reader.remaining());
    assertEquals(0, reader("00").readCount());
  }

  @Test
  void readCountLargerThanWhatIsLeftIsRefused() {
    ByteReader reader = reader("aa 05 00 00");
    reader.readU8();
    MalformedInputException e = assertMalformed(reader::readCount, 1, "cannot fit");
    assertEquals("vector of 5 elements cannot fit in the 2 bytes left", e.problem());
  }

  @Test
  void readCountOfUnsignedMaxIsRefusedAndPrintedUnsigned() {
    MalformedInputException e = assertMalformed(reader("ff ff ff ff 0f 00")::readCount, 0, "cannot fit");
    assertEquals("vector of 4294967295 elements cannot fit in the 1 bytes left", e.problem());
  }

  @Test
  void sliceTakesExactlyThatManyBytesAndTheParentMovesPastThem() {
    ByteReader reader = reader("01 02 03 04 05");
    ByteReader sub = reader.slice(3);
    assertEquals(3, sub.remaining());
    assertEquals(2, reader.remaining());
    assertEquals(3, reader.objectOffset());
    assertEquals(0, sub.objectOffset());
    assertEquals(0x010203, (sub.readU8() << 16) | (sub.readU8() << 8) | sub.readU8());
    assertFalse(sub.hasMore());
    sub.expectEnd("slice");
    // The sub-reader does not see the parent's remaining bytes.
    assertMalformed(sub::readU8, 3, "unexpected end");
    assertEquals(4, reader.readU8());
  }

  @Test
  void sliceLargerThanWhatIsLeftIsRefused() {
    ByteReader reader = reader("aa 01 02");
    reader.readU8();
    MalformedInputException e = assertMalformed(() -> reader.slice(10), 1, "unexpected end");
    assertEquals("unexpected end: needed 10 bytes, 2 left", e.problem());
  }

  @Test
  void readSizedFramesThePayload() {
    ByteReader reader = reader("03 0a 0b 0c 0d");
    ByteReader payload = reader.readSized("payload");
    assertEquals(3, payload.remaining());
    assertEquals(1, payload.objectOffset());
    assertEquals(0x0a, payload.readU8());
    assertEquals(0x0b, payload.readU8());
    assertEquals(0x0c, payload.readU8());
    payload.expectEnd("payload");
    assertEquals(0x0d, reader.readU8());
    reader.expectEnd("object");
  }

  @Test
  void readSizedPastTheEndIsRefused() {
    ByteReader reader = reader("aa 04 01 02 03");
    reader.readU8();
    MalformedInputException e = assertMalformed(() -> reader.readSized("section"), 1, "runs past the end");
    assertEquals("section of 4 bytes runs past the end (3 bytes left)", e.problem());
  }

  @Test
  void expectEndWithUnreadBytesIsRefusedAtTheFirstUnreadByte() {
    ByteReader reader = reader("aa 04 01 02 03 04 ff");
    reader.readU8();
    ByteReader payload = reader.readSized("subsection");
    payload.readU8();
    payload.readU8();
    MalformedInputException e = assertMalformed(() -> payload.expectEnd("subsection"), 4, "unread bytes");
    assertEquals("subsection has 2 unread bytes before its declared end", e.problem());
    // The parent is already past the payload; it has one byte left, which expectEnd also refuses.
    assertMalformed(() -> reader.expectEnd("object"), 6, "object has 1 unread bytes");
  }

  @Test
  void readSizedBytesAndFixedBytesAreViewsOfTheInput() {
    byte[] data = bytes("02 61 62 63 64 65");
    ByteReader reader = ByteReader.of(data, FILE);
    ByteSlice sized = reader.readSizedBytes();
    assertEquals("ab", sized.asUtf8());
    assertEquals(1, sized.start());
    ByteSlice fixed = reader.readFixedBytes(2);
    assertArrayEquals(bytes("63 64"), fixed.toByteArray());
    ByteSlice rest = reader.readRemaining();
    assertArrayEquals(bytes("65"), rest.toByteArray());
    assertFalse(reader.hasMore());
    assertMalformed(() -> reader("01 02").readFixedBytes(3), 0, "unexpected end: needed 3 bytes, 2 left");
  }

  @Test
  void expectByteAcceptsTheByteAndRefusesAnyOther() {
    ByteReader reader = reader("61 62");
    reader.expectByte(0x61, "letter a");
    assertEquals(1, reader.objectOffset());
    MalformedInputException e = assertMalformed(() -> reader.expectByte(0x61, "letter a"), 1, "expected");
    assertEquals("expected letter a (0x61) but found 0x62", e.problem());
    assertMalformed(() -> reader("").expectByte(0, "anything"), 0, "unexpected end");
  }

  // --- fixed-width integers ----------------------------------------------------------------------------------------

  @Test
  void readI32AndReadI64AreLittleEndian() {
    ByteReader reader = reader("78 56 34 12 ff ff ff ff 00 00 00 80 08 07 06 05 04 03 02 01 ff ff ff ff ff ff ff ff");
    assertEquals(0x12345678, reader.readI32());
    assertEquals(-1, reader.readI32());
    assertEquals(Integer.MIN_VALUE, reader.readI32());
    assertEquals(0x0102030405060708L, reader.readI64());
    assertEquals(-1L, reader.readI64());
    assertFalse(reader.hasMore());
  }

  @Test
  void truncatedFixedWidthIntegersAreRefused() {
    assertEquals("unexpected end: needed 4 bytes, 3 left",
        assertMalformed(reader("01 02 03")::readI32, 0, "unexpected end").problem());
    assertEquals("unexpected end: needed 8 bytes, 7 left",
        assertMalformed(reader("01 02 03 04 05 06 07")::readI64, 0, "unexpected end").problem());
    assertEquals("unexpected end: needed a byte, 0 left",
        assertMalformed(reader("")::readU8, 0, "unexpected end").problem());
    assertMalformed(reader("")::peekU8, 0, "unexpected end");
  }

  @Test
  void peekDoesNotConsume() {
    ByteReader reader = reader("07 08");
    assertEquals(7, reader.peekU8());
    assertEquals(7, reader.peekU8());
    assertEquals(7, reader.readU8());
    assertEquals(8, reader.peekU8());
  }

  // --- offsets inside an archive member ----------------------------------------------------------------------------

  @Test
  void errorOffsetsAreFromTheStartOfTheArchiveMember() {
    // 60 bytes of "archive" before the member; the member is 7 bytes, followed by more archive bytes.
    byte[] data = new byte[60 + 7 + 10];
    java.util.Arrays.fill(data, (byte) 0x20);
    byte[] member = bytes("01 02 ff ff ff ff 1f");
    System.arraycopy(member, 0, data, 60, member.length);
    InputLocation location = InputLocation.ofFile("lib.a").inMember("m.o").inSection("CODE");

    ByteReader reader = ByteReader.of(data, 60, member.length, location);
    assertEquals(60, reader.objectStart());
    assertEquals(60, reader.position());
    assertEquals(0, reader.objectOffset());
    assertEquals(member.length, reader.remaining());

    reader.readU8();
    reader.readU8();
    assertEquals(62, reader.position());
    assertEquals(2, reader.objectOffset());
    MalformedInputException e = assertMalformed(reader::readUleb32, 2, "overflows");
    assertEquals(location, e.location());
    assertEquals("lib.a(m.o): section CODE at offset 0x2: LEB128 value overflows 32 bits", e.getMessage());

    // error() and errorAt() translate array positions the same way.
    assertEquals(7, reader.error("x").offset());
    assertEquals(0, reader.errorAt(60, "x").offset());
    assertEquals(5, reader.errorAt(65, "x").offset());
  }

  @Test
  void memberReaderStopsAtTheMembersEnd() {
    byte[] data = bytes("ee ee 03 61 62 63 ee ee");
    ByteReader reader = ByteReader.of(data, 2, 3, InputLocation.ofFile("lib.a").inMember("m.o"));
    // The name's length (3) needs 3 bytes but only 2 remain in the member, though the array has more.
    MalformedInputException e = assertMalformed(reader::readName, 0, "runs past the end");
    assertEquals("name of 3 bytes runs past the end (2 bytes left)", e.problem());
    assertTrue(e.getMessage().startsWith("lib.a(m.o) at offset 0x0: "), e.getMessage());
  }

  @Test
  void slicesAndSubReadersKeepTheMembersOrigin() {
    byte[] data = bytes("ee ee ee ee 02 aa 80 ee");
    InputLocation location = InputLocation.ofFile("lib.a").inMember("m.o");
    ByteReader reader = ByteReader.of(data, 4, 3, location);
    ByteReader sub = reader.readSized("payload").inSection("DATA");
    assertEquals(1, sub.objectOffset());
    sub.readU8();
    MalformedInputException e = assertMalformed(sub::readUleb32, 2, "runs past the end");
    assertEquals("DATA", e.location().section());
    assertEquals("m.o", e.location().member());

    // A reader made later over a slice of the member, for lazy decoding, still counts from the member's start.
    ByteSlice slice = ByteSlice.of(data, 6, 1);
    ByteReader lazy = ByteReader.of(slice, 4, location);
    assertEquals(2, lazy.objectOffset());
    assertMalformed(lazy::readSleb32, 2, "runs past the end");
  }

  // --- presence predicates -----------------------------------------------------------------------------------------

  @Test
  void testReturnsThePredicatesAnswer() {
    ByteReader reader = reader("00");
    assertTrue(reader.test(value -> value > 3, 4, 0));
    assertFalse(reader.test(value -> value > 3, 2, 0));
  }

  @Test
  void testTurnsARefusalIntoMalformedInputAtTheField() {
    byte[] data = bytes("ee ee ee 00 63 05");
    InputLocation location = InputLocation.ofFile("lib.a").inMember("m.o").inSection("reloc.CODE");
    ByteReader reader = ByteReader.of(data, 3, 3, location);
    reader.readU8();
    int fieldPosition = reader.position(); // an array position, as generated decoders record it
    long type = reader.readUleb32();
    assertEquals(0x63, type);

    MalformedInputException e = assertThrows(
        MalformedInputException.class,
        () -> reader.test(value -> {
          throw new IllegalArgumentException("unknown relocation type " + value);
        }, type, fieldPosition));
    assertAll(
        () -> assertEquals(1, e.offset(), "offset from the member's start, not the array's"),
        () -> assertEquals("unknown relocation type 99", e.problem()),
        () -> assertEquals(location, e.location()),
        () -> assertEquals(
            "lib.a(m.o): section reloc.CODE at offset 0x1: unknown relocation type 99", e.getMessage()));
  }

  @Test
  void testWithTheAddendPredicateOfTheRegistry() {
    ByteReader reader = reader("00 ff 01");
    RelocationCarriesAddend carriesAddend = new RelocationCarriesAddend();
    assertFalse(reader.test(carriesAddend, 0, 0)); // R_WASM_FUNCTION_INDEX_LEB
    assertTrue(reader.test(carriesAddend, 4, 0)); // R_WASM_MEMORY_ADDR_SLEB
    MalformedInputException e = assertMalformed(() -> reader.test(carriesAddend, 255, 1), 1, "unknown");
    assertEquals("unknown relocation type 255", e.problem());
    assertMalformed(() -> reader.test(carriesAddend, 1L << 40, 1), 1, "unknown relocation type");
  }

  @Test
  void otherExceptionsFromThePredicatePassThrough() {
    ByteReader reader = reader("00");
    assertThrows(IllegalStateException.class, () -> reader.test(value -> {
      throw new IllegalStateException("not a refusal");
    }, 0, 0));
  }
}
