package dev.wasmlink.tests.malformed;

import static dev.wasmlink.tests.malformed.WasmBytes.bytes;
import static dev.wasmlink.tests.malformed.WasmBytes.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wasmlink dump} on {@code ar} archives built by hand in the GNU format: "!<arch>\n" (8 bytes), then each
 * member as a 60-byte header and its data, padded to an even offset. Offsets inside a member's object are counted
 * from the start of the member's data, not of the archive.
 */
class MalformedArchiveTest {
  @TempDir Path dir;

  /** The smallest well-formed object: a header and no sections. */
  private static final byte[] EMPTY_OBJECT = object().toByteArray();

  @Test
  void memberThatIsNotAWasmObject() {
    // ok.o (8 bytes) at 0x08, then README with its header at 0x4c and its text from 0x88.
    Path file = Dump.write(dir, "lib.a", archive(
        member("ok.o", EMPTY_OBJECT),
        member("README", WasmBytes.ascii("This is not an object file.\n"))));
    Dump.assertError(Dump.run(file), file + "(README)", null, 0x0, "not a wasm object");
  }

  @Test
  void truncatedMemberHeader() {
    // 0x08: only 30 of the 60 header bytes.
    byte[] header = header("a.o/", 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WasmBytes.ascii("!<arch>\n"));
    out.write(header, 0, 30);
    Path file = Dump.write(dir, "lib.a", out.toByteArray());
    Dump.assertError(Dump.run(file), file.toString(), null, 0x8,
        "archive member header is truncated: 30 of 60 bytes present");
  }

  @Test
  void memberWhoseObjectIsTruncated() {
    // ok.o at 0x08 (data 0x44..0x4c), then bad.o with its header at 0x4c and its data at 0x88. Its object announces a
    // TYPE section of 5 bytes at member offset 0x08 and holds only 4: the size LEB is at member offset 0x09, which
    // is archive offset 0x91.
    Path file = Dump.write(dir, "lib.a", archive(
        member("ok.o", EMPTY_OBJECT),
        member("bad.o", object().raw(0x01, 0x05, 0x01, 0x60, 0x00, 0x00).toByteArray())));
    Dump.assertError(Dump.run(file), file + "(bad.o)", null, 0x9, "TYPE section of 5 bytes runs past the end");
  }

  @Test
  void memberWithABadSectionReportsTheSectionAndTheMemberOffset() {
    // bad.o as the second member: a TYPE section with an over-long count LEB at member offset 0x0a.
    Path file = Dump.write(dir, "lib.a", archive(
        member("ok.o", EMPTY_OBJECT),
        member("bad.o", object().raw(0x01, 0x06, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).toByteArray())));
    Dump.assertError(Dump.run(file), file + "(bad.o)", "TYPE", 0xa, "LEB128 is longer than 5 bytes");
  }

  @Test
  void memberDataRunningPastTheEndOfTheArchive() {
    // a.o's header at 0x08 announces 100 bytes of data; only 8 follow. The problem is in the archive's framing, so
    // the message names the archive and the header's offset in it; "lib.a(a.o) at offset 0x8" would claim byte 8 of
    // the member's own data.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WasmBytes.ascii("!<arch>\n"));
    out.writeBytes(header("a.o/", 100));
    out.writeBytes(EMPTY_OBJECT);
    Path file = Dump.write(dir, "lib.a", out.toByteArray());
    String line = Dump.assertError(Dump.run(file), file.toString(), null, 0x8, "runs past the end of the file");
    assertTrue(line.contains("a.o"), () -> "the message should name the member: " + line);
  }

  @Test
  void damagedSymbolIndexIsReportedAtAnOffsetInsideItsMember() {
    // The GNU symbol index "/" (header at 0x08, data at 0x44) holds 8 bytes: a count of 5 at member offset 0, then
    // room for one offset. A message naming lib.a(/) gives offsets from the start of that member's data.
    Path file = Dump.write(dir, "lib.a", archive(
        new Member("/", new byte[] {0, 0, 0, 5, 0, 0, 0, 0x50}),
        member("a.o", EMPTY_OBJECT)));
    Dump.assertError(Dump.run(file), file + "(/)", null, 0x0, "symbol index claims 5 symbols");
  }

  @Test
  void memberNameWithALineBreakStaysOnOneErrorLine() {
    // Found by ArchiveReaderFuzzTest: a '/...' name field holding a newline, quoted in the message, split the error
    // line in two. Its header is at 0x08.
    Path file = Dump.write(dir, "lib.a", archive(member("/\nx", EMPTY_OBJECT)));
    String line = Dump.assertError(Dump.run(file), file.toString(), null, 0x8, "member name '/\\nx/' starts with '/'");
    assertTrue(line.contains("\\n"), line);
  }

  @Test
  void rustMetadataMemberIsSkipped() {
    // An rlib: lib.rmeta holds rustc's metadata, not wasm, and is skipped rather than refused.
    Path file = Dump.write(dir, "libfoo.rlib", archive(
        member("lib.rmeta", WasmBytes.ascii("rust\0\0\0\u0008metadata that is not wasm")),
        member("foo.o", EMPTY_OBJECT)));
    Dump.Result result = Dump.run(file);
    assertEquals(0, result.status(), result::toString);
    assertEquals("", result.err(), result::toString);
    assertTrue(result.out().contains("(lib.rmeta): Rust crate metadata, not an object; skipped"), result::toString);
    assertTrue(result.out().contains("(foo.o): wasm object"), result::toString);
  }

  @Test
  void thinArchiveIsRefusedAsAThinArchive() {
    // "!<thin>\n" and one member header: ArchiveReader refuses these with "thin archives are not supported", so the
    // dump should say so rather than call the file a bad wasm object.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WasmBytes.ascii("!<thin>\n"));
    out.writeBytes(header("a.o/", 8));
    Path file = Dump.write(dir, "thin.a", out.toByteArray());
    Dump.assertError(Dump.run(file), file.toString(), null, 0x0, "thin archives are not supported");
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("missing.o");
    Dump.Result result = Dump.run(file);
    String line = Dump.assertOneErrorLine(result);
    assertEquals("wasmlink: error: cannot open " + file + ": No such file or directory", line);
  }

  @Test
  void errorInTheSecondFileStillNamesThatFile() {
    Path good = Dump.write(dir, "good.o", EMPTY_OBJECT);
    Path bad = Dump.write(dir, "bad.o", bytes().raw(0x00, 'a', 's', 'm', 0x02, 0x00, 0x00, 0x00));
    Dump.Result result = Dump.run(good, bad);
    Dump.assertError(result, bad.toString(), null, 0x4, "unsupported wasm version 2");
    assertTrue(result.out().contains(good + ": wasm object"), result::toString);
  }

  // --- building archives ---------------------------------------------------------------------------------------

  /** A member as its header's name field and its data. */
  private record Member(String nameField, byte[] data) {}

  /** A member with a GNU short name: the name, ended by '/'. */
  private static Member member(String name, byte[] data) {
    return new Member(name + "/", data);
  }

  /** A GNU archive of the members, each padded to an even offset. */
  private static byte[] archive(Member... members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WasmBytes.ascii("!<arch>\n"));
    for (Member member : members) {
      out.writeBytes(header(member.nameField(), member.data().length));
      out.writeBytes(member.data());
      if ((member.data().length & 1) != 0) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  /** A member header: name field (16), mtime (12), uid (6), gid (6), mode (8), size (10), "`\n". */
  private static byte[] header(String nameField, long size) {
    String text = field(nameField, 16) + field("0", 12) + field("0", 6) + field("0", 6) + field("644", 8)
        + field(Long.toString(size), 10) + "`\n";
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length != 60) {
      throw new IllegalStateException("header of " + bytes.length + " bytes");
    }
    return bytes;
  }

  private static String field(String value, int width) {
    return String.format("%-" + width + "s", value);
  }
}
