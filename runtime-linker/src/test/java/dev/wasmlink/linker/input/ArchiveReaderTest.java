package dev.wasmlink.linker.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Well-formed GNU and BSD archives, built byte by byte with {@link TestArchives}. */
class ArchiveReaderTest {

  @Test
  void recognisesTheMagic() {
    assertTrue(ArchiveReader.isArchive(TestArchives.MAGIC.getBytes(StandardCharsets.US_ASCII)));
    assertTrue(ArchiveReader.isArchive(TestArchives.gnu().member("a.o", "x").build().bytes()));
    assertTrue(ArchiveReader.isArchive("!<thin>\n".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(ArchiveReader.isArchive("!<arch>".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(ArchiveReader.isArchive(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}));
    assertFalse(ArchiveReader.isArchive(new byte[0]));
  }

  @Test
  void emptyArchiveHasNoMembersAndNoIndex() {
    Archive archive = ArchiveReader.read(TestArchives.MAGIC.getBytes(StandardCharsets.US_ASCII), "libempty.a");

    assertEquals("libempty.a", archive.fileName());
    assertEquals(List.of(), archive.members());
    assertFalse(archive.hasSymbolIndex());
    assertTrue(archive.symbolIndex().isEmpty());
    assertEquals(OptionalInt.empty(), archive.symbolIndex().memberOffsetFor("anything"));
  }

  @Test
  void gnuShortNamesLoseTheirSlash() {
    byte[] bytes = TestArchives.gnu().member("a.o", "alpha!").member("b c.o", "beta").build().bytes();

    Archive archive = ArchiveReader.read(bytes, "libshort.a");

    assertEquals(List.of("a.o", "b c.o"), names(archive));
    assertEquals("alpha!", text(archive.members().get(0)));
    assertEquals("beta", text(archive.members().get(1)));
    assertEquals(8, archive.members().get(0).headerOffset());
    assertEquals(8 + 60 + 6, archive.members().get(1).headerOffset());
    assertFalse(archive.hasSymbolIndex());
  }

  @Test
  void memberDataIsAViewOfTheArchiveBytes() {
    byte[] bytes = TestArchives.gnu().member("a.o", "alpha").build().bytes();

    ArchiveMember member = ArchiveReader.read(bytes, "libview.a").members().get(0);

    assertSame(bytes, member.data().array());
    assertEquals(8 + 60, member.data().start());
    assertEquals(5, member.data().length());
  }

  @Test
  void gnuLongNamesAreResolvedThroughTheLongNameTable() {
    String first = "a_member_name_longer_than_fifteen.o";
    String second = "another/long/name/with/slashes.o";
    byte[] bytes =
        TestArchives.gnu().member(first, "one").member("short.o", "two").member(second, "three").build().bytes();

    Archive archive = ArchiveReader.read(bytes, "liblong.a");

    assertEquals(List.of(first, "short.o", second), names(archive));
    assertEquals(List.of("one", "two", "three"), archive.members().stream().map(ArchiveReaderTest::text).toList());
  }

  @Test
  void bsdShortAndLongNames() {
    String longName = "a_member_name_longer_than_sixteen.o";
    TestArchives.Built built =
        TestArchives.bsd().member("short.o", "one").member(longName, "two!").member("has space.o", "3").build();

    Archive archive = ArchiveReader.read(built.bytes(), "libbsd.a");

    assertEquals(List.of("short.o", longName, "has space.o"), names(archive));
    // The name bytes of a #1/N member precede its contents inside the member but are not part of them.
    assertEquals(List.of("one", "two!", "3"), archive.members().stream().map(ArchiveReaderTest::text).toList());
    assertEquals(built.headerOffset(longName), archive.members().get(1).headerOffset());
  }

  @Test
  void bsdLongNamesLoseTheirNulPadding() {
    TestArchives.Built built =
        TestArchives.bsd().bsdLongNamesEverywhere().member("a.o", "x").symbol("f", "a.o").build();

    Archive archive = ArchiveReader.read(built.bytes(), "libpadded.a");

    assertEquals(List.of("a.o"), names(archive));
    assertEquals("x", text(archive.members().get(0)));
    assertTrue(archive.hasSymbolIndex(), "the #1/12 member named __.SYMDEF is the symbol table");
    assertEquals(OptionalInt.of(built.headerOffset("a.o")), archive.symbolIndex().memberOffsetFor("f"));
  }

  @Test
  void oddSizedMembersArePaddedToEvenOffsets() {
    TestArchives.Built built =
        TestArchives.gnu().member("one.o", "1").member("three.o", "333").member("two.o", "22").build();

    Archive archive = ArchiveReader.read(built.bytes(), "libodd.a");

    assertEquals(List.of("1", "333", "22"), archive.members().stream().map(ArchiveReaderTest::text).toList());
    assertEquals(8, archive.members().get(0).headerOffset());
    assertEquals(8 + 60 + 2, archive.members().get(1).headerOffset());
    assertEquals(8 + 60 + 2 + 60 + 4, archive.members().get(2).headerOffset());
    for (ArchiveMember member : archive.members()) {
      assertEquals(0, member.headerOffset() % 2, member.name());
    }
  }

  @Test
  void lastOddSizedMemberWithoutItsPadByteIsAccepted() {
    byte[] padded = TestArchives.gnu().member("a.o", "abc").build().bytes();
    byte[] unpadded = java.util.Arrays.copyOf(padded, padded.length - 1);

    Archive archive = ArchiveReader.read(unpadded, "libnopad.a");

    assertEquals("abc", text(archive.members().get(0)));
  }

  @Test
  void gnuSymbolIndexMapsSymbolsToMemberHeaders() {
    TestArchives.Built built =
        TestArchives.gnu()
            .member("a.o", "aaaa")
            .member("a_long_member_name.o", "bbb")
            .symbol("alpha", "a.o")
            .symbol("beta", "a_long_member_name.o")
            .symbol("gamma", "a.o")
            .build();

    Archive archive = ArchiveReader.read(built.bytes(), "libsyms.a");

    assertTrue(archive.hasSymbolIndex());
    SymbolIndex index = archive.symbolIndex();
    assertEquals(List.of("alpha", "beta", "gamma"), index.symbols());
    assertEquals(OptionalInt.of(built.headerOffset("a.o")), index.memberOffsetFor("alpha"));
    assertEquals(OptionalInt.of(built.headerOffset("a_long_member_name.o")), index.memberOffsetFor("beta"));
    assertEquals(OptionalInt.of(built.headerOffset("a.o")), index.memberOffsetFor("gamma"));
    assertEquals(OptionalInt.empty(), index.memberOffsetFor("delta"));
    assertEquals("a_long_member_name.o", archive.memberDefining("beta").orElseThrow().name());
    // The bookkeeping members are not members a linker could load.
    assertEquals(List.of("a.o", "a_long_member_name.o"), names(archive));
  }

  @Test
  void firstDefinitionOfASymbolWins() {
    TestArchives.Built built =
        TestArchives.gnu()
            .member("first.o", "1")
            .member("second.o", "2")
            .symbol("dup", "second.o")
            .symbol("other", "first.o")
            .symbol("dup", "first.o")
            .build();

    SymbolIndex index = ArchiveReader.read(built.bytes(), "libdup.a").symbolIndex();

    assertEquals(List.of("dup", "other"), index.symbols());
    assertEquals(OptionalInt.of(built.headerOffset("second.o")), index.memberOffsetFor("dup"));
  }

  @Test
  void gnu64BitSymbolIndex() {
    TestArchives.Built built =
        TestArchives.gnu().wide().member("a.o", "a").member("b.o", "b").symbol("f", "b.o").symbol("g", "a.o").build();

    Archive archive = ArchiveReader.read(built.bytes(), "lib64.a");

    assertEquals(List.of("f", "g"), archive.symbolIndex().symbols());
    assertEquals(OptionalInt.of(built.headerOffset("b.o")), archive.symbolIndex().memberOffsetFor("f"));
    assertEquals(List.of("a.o", "b.o"), names(archive));
  }

  @Test
  void bsdSymbolIndexMapsSymbolsToMemberHeaders() {
    TestArchives.Built built =
        TestArchives.bsd()
            .member("a.o", "aaaa")
            .member("a_long_member_name.o", "bbb")
            .symbol("alpha", "a_long_member_name.o")
            .symbol("beta", "a.o")
            .symbol("alpha", "a.o")
            .build();

    Archive archive = ArchiveReader.read(built.bytes(), "libbsdsyms.a");

    assertTrue(archive.hasSymbolIndex());
    assertEquals(List.of("alpha", "beta"), archive.symbolIndex().symbols());
    assertEquals(
        OptionalInt.of(built.headerOffset("a_long_member_name.o")), archive.symbolIndex().memberOffsetFor("alpha"));
    assertEquals(OptionalInt.of(built.headerOffset("a.o")), archive.symbolIndex().memberOffsetFor("beta"));
    assertEquals(List.of("a.o", "a_long_member_name.o"), names(archive));
  }

  @Test
  void bsdSortedAnd64BitSymbolIndexNames() {
    for (String tableName : List.of("__.SYMDEF SORTED", "__.SYMDEF_64", "__.SYMDEF_64 SORTED")) {
      TestArchives.Builder builder = TestArchives.bsd().bsdSymbolTableName(tableName);
      if (tableName.startsWith("__.SYMDEF_64")) {
        builder.wide();
      }
      TestArchives.Built built = builder.member("x.o", "x").member("y.o", "yy").symbol("y", "y.o").build();

      Archive archive = ArchiveReader.read(built.bytes(), "libsorted.a");

      assertEquals(List.of("x.o", "y.o"), names(archive), tableName);
      assertEquals(OptionalInt.of(built.headerOffset("y.o")), archive.symbolIndex().memberOffsetFor("y"), tableName);
    }
  }

  @Test
  void emptySymbolIndexMemberIsAnIndexWithNoSymbols() {
    for (TestArchives.Builder builder : List.of(TestArchives.gnu(), TestArchives.bsd())) {
      Archive archive = ArchiveReader.read(builder.emptySymbolIndex().member("a.o", "a").build().bytes(), "lib.a");

      assertTrue(archive.hasSymbolIndex());
      assertTrue(archive.symbolIndex().isEmpty());
      assertEquals(List.of("a.o"), names(archive));
    }
  }

  @Test
  void memberAtFindsMembersByHeaderOffsetOnly() {
    TestArchives.Built built = TestArchives.gnu().member("a.o", "a").member("b.o", "b").build();
    Archive archive = ArchiveReader.read(built.bytes(), "lib.a");

    assertEquals("b.o", archive.memberAt(built.headerOffset("b.o")).orElseThrow().name());
    assertTrue(archive.memberAt(built.headerOffset("b.o") + 1).isEmpty());
    assertEquals("lib.a(b.o)", archive.locationOf(archive.members().get(1)).toString());
  }

  @Test
  void memberContentsMayBeBinary() {
    byte[] wasm = {0, 'a', 's', 'm', 1, 0, 0, 0, (byte) 0xFF, '\n', '`'};
    Archive archive = ArchiveReader.read(TestArchives.gnu().member("bin.o", wasm).build().bytes(), "lib.a");

    assertArrayEquals(wasm, archive.members().get(0).data().toByteArray());
  }

  private static List<String> names(Archive archive) {
    return archive.members().stream().map(ArchiveMember::name).toList();
  }

  private static String text(ArchiveMember member) {
    return member.data().asUtf8();
  }
}
