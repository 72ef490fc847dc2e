package dev.wasmlink.linker.input;

import static dev.wasmlink.linker.input.TestArchives.MAGIC;
import static dev.wasmlink.linker.input.TestArchives.concat;
import static dev.wasmlink.linker.input.TestArchives.header;
import static dev.wasmlink.linker.input.TestArchives.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.spec.io.MalformedInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Damaged archives: each must fail with a one-line {@link MalformedInputException} that names the file, the member
 * when known, and the archive file offset of the bad bytes.
 *
 * <p>Offsets used below: the first header is at 0x8, its size field at 0x38, its terminator at 0x42, and its data
 * (a symbol table's, when the archive has one) at 0x44.
 */
class ArchiveReaderMalformedTest {
  private static final String FILE = "libbroken.a";

  @Test
  void thinArchivesAreRefused() {
    byte[] bytes = concat("!<thin>\n", header("/", "0"));

    assertMalformed(bytes, 0, "thin archives are not supported");
  }

  @Test
  void fileWithoutTheMagicIsRefused() {
    assertMalformed(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 0, "not an archive", "!<arch>");
    assertMalformed(new byte[] {'!', '<'}, 0, "not an archive");
  }

  @Test
  void truncatedFirstHeader() {
    byte[] bytes = concat(MAGIC, Arrays.copyOf(header("a.o/", "1"), 20));

    assertMalformed(bytes, 0x8, "archive member header is truncated", "20 of 60 bytes");
  }

  @Test
  void truncatedHeaderAfterAMember() {
    byte[] bytes = concat(TestArchives.gnu().member("a.o", "abc").build().bytes(), "a.o/    ");

    // 8 + 60 + 3 + 1 pad byte = 72
    assertMalformed(bytes, 0x48, "truncated", "8 of 60 bytes");
  }

  @Test
  void badHeaderTerminator() {
    byte[] bytes = patch(TestArchives.gnu().member("a.o", "abc").build().bytes(), 0x42, "x\n");

    assertMalformed(bytes, 0x42, "header at offset 0x8", "'x\\n'", "terminator");
  }

  @Test
  void sizeFieldThatIsNotADecimalNumber() {
    byte[] bytes = patch(TestArchives.gnu().member("a.o", "abc").build().bytes(), 0x38, "abc       ");

    assertMalformed(bytes, 0x38, "header at offset 0x8", "size field 'abc' that is not a decimal number");
  }

  @Test
  void sizeFieldsThatAreEmptyOrSignedOrSpaceSeparated() {
    for (String size : new String[] {"          ", "-3        ", "+3        ", " 3        ", "3 3       "}) {
      byte[] bytes = patch(TestArchives.gnu().member("a.o", "abc").build().bytes(), 0x38, size);

      assertMalformed(bytes, 0x38, "not a decimal number");
    }
  }

  @Test
  void memberRunningPastTheEndOfTheFile() {
    byte[] bytes = concat(MAGIC, header("a.o/", "100"), "short");

    // The member's bytes are missing, so the error is placed in the archive itself, at the member's header.
    MalformedInputException error =
        assertMalformed(bytes, 0x8, FILE + " at", "member 'a.o' of 100 bytes", "past the end");
    assertEquals(null, error.location().member());
  }

  @Test
  void laterMemberRunningPastTheEndOfTheFile() {
    byte[] bytes = concat(TestArchives.gnu().member("a.o", "ab").build().bytes(), header("b.o/", "9999999999"));

    // 8 + 60 + 2 = 70
    assertMalformed(bytes, 0x46, "member 'b.o' of 9999999999 bytes", "past the end of the file");
  }

  @Test
  void gnuLongNameOffsetOutsideTheTable() {
    String table = "a_rather_long_member_name.o/\n\n"; // 30 bytes
    byte[] bytes = concat(MAGIC, header("//", "30"), table, header("/999", "1"), "x\n");

    // 8 + 60 + 30 = 98
    assertMalformed(bytes, 0x62, "member name '/999'", "offset 999", "outside the long-name table of 30 bytes");
  }

  @Test
  void gnuLongNameWithoutATable() {
    byte[] bytes = concat(MAGIC, header("/0", "1"), "x\n");

    assertMalformed(bytes, 0x8, "'/0'", "no such table");
  }

  @Test
  void gnuLongNameNotTerminated() {
    byte[] bytes = concat(MAGIC, header("//", "4"), "abc\n", header("/0", "1"), "x\n");

    // The name starts at the table's data, 0x44.
    assertMalformed(bytes, 0x44, "long name at offset 0", "not terminated by '/\\n'");
  }

  @Test
  void nameStartingWithSlashThatIsNoReference() {
    byte[] bytes = concat(MAGIC, header("/abc", "1"), "x\n");

    assertMalformed(bytes, 0x8, "member name '/abc'", "not a '/N' reference");
  }

  @Test
  void secondLongNameTable() {
    byte[] bytes = concat(MAGIC, header("//", "4"), "ab/\n", header("//", "4"), "cd/\n");

    assertMalformed(bytes, 0x48, "second long-name table");
  }

  @Test
  void secondSymbolIndex() {
    byte[] bytes = concat(MAGIC, header("/", "4"), new byte[4], header("/SYM64/", "8"), new byte[8]);

    assertMalformed(bytes, 0x48, "second symbol index member '/SYM64/'");
  }

  @Test
  void gnuSymbolIndexEntryPastTheEndOfTheFile() {
    byte[] bytes = TestArchives.gnu().member("a.o", "a").symbolAt("far_away", 0x10000).build().bytes();

    // The count takes 0x44..0x48; the first offset is at 0x48.
    MalformedInputException error =
        assertMalformed(bytes, 0x4, FILE + "(/)", "'far_away'", "offset 0x10000", "past the end of the file");
    assertEquals("/", error.location().member());
  }

  @Test
  void gnuSymbolIndexEntryNotAtAMemberHeader() {
    // Offset 0 is the magic; the first entry's offset is stored at 0x48.
    byte[] first = TestArchives.gnu().member("a.o", "abcd").symbolAt("f", 0).build().bytes();
    assertMalformed(first, 0x4, "'f'", "offset 0x0", "not the header of any member");

    // 0x5c is inside a.o's header, which starts at 0x5a; the second entry's offset is stored at 0x4c.
    TestArchives.Built second =
        TestArchives.gnu().member("a.o", "abcd").symbol("ok", "a.o").symbolAt("middle", 0x5c).build();
    assertEquals(0x5a, second.headerOffset("a.o"));
    assertMalformed(second.bytes(), 0x8, "'middle'", "offset 0x5c", "not the header of any member");
  }

  @Test
  void gnuSymbolIndexEntryPointingAtTheSymbolTableItself() {
    byte[] bytes = TestArchives.gnu().member("a.o", "a").symbolAt("self", 8).build().bytes();

    assertMalformed(bytes, 0x4, "'self'", "not the header of any member");
  }

  @Test
  void gnuSymbolIndexCountPastItsOwnMember() {
    byte[] bytes = TestArchives.gnu().member("a.o", "a").symbol("f", "a.o").build().bytes();
    put(bytes, 0x44, 0, 0, 0x10, 0); // count 4096 in a 10-byte table

    assertMalformed(bytes, 0x0, "claims 4096 symbols", "member of 10 bytes");
  }

  @Test
  void gnuSymbolIndexNameRunningPastItsOwnMember() {
    // count 1, offset of a.o (8 + 60 + 12 = 80), then "abc" without its NUL: 11 bytes, padded to 12.
    byte[] table = {0, 0, 0, 1, 0, 0, 0, 80, 'a', 'b', 'c'};
    byte[] bytes = concat(MAGIC, header("/", "11"), table, "\n", header("a.o/", "1"), "a\n");

    assertMalformed(bytes, 0x8, "symbol index name 0 of 1", "no NUL terminator", "its member");
  }

  @Test
  void gnuSymbolIndexTooShortForItsCount() {
    byte[] bytes = concat(MAGIC, header("/", "2"), new byte[2]);

    assertMalformed(bytes, 0x0, "symbol index count", "runs past the end of its member of 2 bytes");
  }

  @Test
  void bsdSymbolIndexRanlibArrayPastItsOwnMember() {
    byte[] bytes = TestArchives.bsd().member("a.o", "a").symbol("f", "a.o").build().bytes();
    put(bytes, 0x44, 0, 1, 0, 0); // 256 bytes of ranlib entries in a 18-byte table

    assertMalformed(bytes, 0x0, FILE + "(__.SYMDEF)", "ranlib array of 256 bytes", "past the end of its member");
  }

  @Test
  void bsdSymbolIndexRanlibArrayOfPartialEntries() {
    byte[] bytes = TestArchives.bsd().member("a.o", "a").symbol("f", "a.o").symbol("g", "a.o").build().bytes();
    put(bytes, 0x44, 12, 0, 0, 0);

    assertMalformed(bytes, 0x0, "ranlib array size 12", "not a multiple");
  }

  @Test
  void bsdSymbolIndexStringTablePastItsOwnMember() {
    byte[] bytes = TestArchives.bsd().member("a.o", "a").symbol("f", "a.o").build().bytes();
    // ranlib size at 0x44, one pair at 0x48, string table size at 0x50.
    put(bytes, 0x50, 0x40, 0, 0, 0);

    assertMalformed(bytes, 0xc, "string table of 64 bytes", "past the end of its member");
  }

  @Test
  void bsdSymbolIndexStringOffsetOutsideItsStringTable() {
    byte[] bytes = TestArchives.bsd().member("a.o", "a").symbol("f", "a.o").build().bytes();
    put(bytes, 0x48, 7, 0, 0, 0);

    assertMalformed(bytes, 0x4, "entry 0 has string offset 7", "outside its string table of 2 bytes");
  }

  @Test
  void bsdSymbolIndexNameWithoutNulInItsStringTable() {
    byte[] bytes = TestArchives.bsd().member("a.o", "a").symbol("fg", "a.o").build().bytes();
    // Shrink the string table from "fg\0" to "fg" so the name runs to its end; strings start at 0x54.
    put(bytes, 0x50, 2, 0, 0, 0);

    assertMalformed(bytes, 0x10, "symbol index name 0 of 1", "no NUL terminator before the end of the string table");
  }

  @Test
  void bsdSymbolIndexEntryPastTheEndOfTheFile() {
    byte[] bytes = TestArchives.bsd().member("a.o", "a").symbolAt("far_away", 0x10000).build().bytes();

    // ranlib size at 0x44, string offset at 0x48, member offset at 0x4c.
    assertMalformed(bytes, 0x8, FILE + "(__.SYMDEF)", "'far_away'", "offset 0x10000", "past the end of the file");
  }

  @Test
  void bsd64SymbolIndexEntryPastTheEndOfTheFile() {
    TestArchives.Builder builder = TestArchives.bsd().wide().bsdSymbolTableName("__.SYMDEF_64");
    byte[] bytes = builder.member("a.o", "a").symbolAt("far", 1L << 40).build().bytes();

    // ranlib size 0x44..0x4c, string offset 0x4c..0x54, member offset at 0x54.
    assertMalformed(bytes, 0x10, "'far'", "offset 0x10000000000", "past the end of the file");
  }

  @Test
  void bsdLongNameLongerThanItsMember() {
    byte[] bytes = concat(MAGIC, header("#1/20", "4"), "abcd");

    assertMalformed(bytes, 0x8, "'#1/20'", "name of 20 bytes", "only 4 bytes");
  }

  @Test
  void bsdLongNameLengthThatIsNotANumber() {
    byte[] bytes = concat(MAGIC, header("#1/x", "4"), "abcd");

    MalformedInputException error = assertMalformed(bytes, 0x8, "'#1/x'", "not a decimal number");
    assertNull(error.location().member());
  }

  private static MalformedInputException assertMalformed(byte[] bytes, long offset, String... fragments) {
    MalformedInputException error =
        assertThrows(MalformedInputException.class, () -> ArchiveReader.read(bytes, FILE));
    String message = error.getMessage();
    assertTrue(message.startsWith(FILE), message);
    assertTrue(message.contains("at offset 0x" + Long.toHexString(offset) + ":"), message);
    assertEquals(offset, error.offset(), message);
    assertFalse(message.contains("\n"), "one line: " + message);
    assertTrue(Character.isLowerCase(error.problem().charAt(0)), "lower-case start: " + message);
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
    }
    return error;
  }

  private static void put(byte[] bytes, int offset, int... values) {
    for (int i = 0; i < values.length; i++) {
      bytes[offset + i] = (byte) values[i];
    }
  }
}
