package dev.wasmlink.tests.malformed;

import static dev.wasmlink.tests.malformed.WasmBytes.bytes;
import static dev.wasmlink.tests.malformed.WasmBytes.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wasmlink.linker.cli.WasmLdMain;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declared count or size larger than what is left of the input is an error at that field, before anything is
 * allocated or looped over for it: each input here is about 1 KiB and declares billions of elements or bytes. Done
 * within a second each, and in one error line; an attempt to allocate what is declared would run out of memory.
 */
class BoundedResourcesTest {
  @TempDir Path dir;

  private static final Duration QUICKLY = Duration.ofSeconds(5);

  /** 1000 bytes that fill a payload up to about 1 KiB. */
  private static byte[] filler() {
    return new byte[1000];
  }

  @Test
  void vectorOfFourBillionTypes() {
    // 0x08: TYPE, size 1005 as a 2-byte LEB (0x09..0x0a); 0x0b: the count 0xffffffff (5 bytes), then 1000 bytes.
    Path file = Dump.write(dir, "types.o",
        object().section(1, bytes().raw(0xff, 0xff, 0xff, 0xff, 0x0f).raw(filler())));
    assertTimeoutPreemptively(QUICKLY, () -> Dump.assertError(Dump.run(file), file.toString(), "TYPE", 0xb,
        "vector of 4294967295 elements cannot fit in the 1000 bytes left"));
  }

  @Test
  void sectionOfTwoGibibytes() {
    // 0x08: TYPE, size 0x80000000 (5-byte LEB at 0x09), then 1000 bytes.
    Path file = Dump.write(dir, "size.o", object().raw(0x01, 0x80, 0x80, 0x80, 0x80, 0x08).raw(filler()));
    assertTimeoutPreemptively(QUICKLY, () -> Dump.assertError(Dump.run(file), file.toString(), null, 0x9,
        "TYPE section of 2147483648 bytes runs past the end"));
  }

  @Test
  void symbolTableOfFourBillionSymbols() {
    // 0x08: custom section "linking" (size LEB 2 bytes at 0x09), name at 0x0b..0x12, version 2 at 0x13, subsection
    // 8 at 0x14 with its size (2 bytes) at 0x15, the symbol count at 0x17.
    Path file = Dump.write(dir, "symbols.o", object().custom("linking",
        bytes().raw(0x02).subsection(8, bytes().raw(0xff, 0xff, 0xff, 0xff, 0x0f).raw(filler()))));
    assertTimeoutPreemptively(QUICKLY, () -> Dump.assertError(Dump.run(file), file.toString(), "linking", 0x17,
        "vector of 4294967295 elements cannot fit in the 1000 bytes left"));
  }

  @Test
  void nameOfFourGibibytes() {
    // 0x08: custom section (size LEB 2 bytes at 0x09) whose name length at 0x0b is 0xffffffff.
    Path file = Dump.write(dir, "name.o", object().section(0, bytes().raw(0xff, 0xff, 0xff, 0xff, 0x0f)
        .raw(filler())));
    assertTimeoutPreemptively(QUICKLY, () -> Dump.assertError(Dump.run(file), file.toString(), null, 0xb,
        "name of 4294967295 bytes runs past the end"));
  }

  @Test
  void archiveMemberOfTenGigabytes() {
    // The member header at 0x08 announces 9999999999 bytes; 1000 follow.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WasmBytes.ascii("!<arch>\n"));
    out.writeBytes(header("big.o/", "9999999999"));
    out.writeBytes(filler());
    Path file = Dump.write(dir, "lib.a", out.toByteArray());
    assertTimeoutPreemptively(QUICKLY, () -> Dump.assertError(Dump.run(file), file.toString(), null, 0x8,
        "member 'big.o' of 9999999999 bytes runs past the end of the file"));
  }

  @Test
  void archiveSymbolIndexOfFourBillionSymbols() {
    // The GNU symbol index "/" (header at 0x08, data at 0x44) claims 0xffffffff symbols in 1000 bytes.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WasmBytes.ascii("!<arch>\n"));
    out.writeBytes(header("/", "1000"));
    byte[] index = filler();
    index[0] = (byte) 0xff;
    index[1] = (byte) 0xff;
    index[2] = (byte) 0xff;
    index[3] = (byte) 0xff;
    out.writeBytes(index);
    Path file = Dump.write(dir, "lib.a", out.toByteArray());
    assertTimeoutPreemptively(QUICKLY, () -> Dump.assertError(Dump.run(file), file + "(/)", null, 0x0,
        "symbol index claims 4294967295 symbols but its member of 1000 bytes has room for only 249 offsets"));
  }

  @Test
  void threeBytesAlignedToAGibibyteEachMakeNoArrayOfTwoGibibytes() {
    // Three one-byte segments that all go to .data, each aligned to 2^30: 2 GiB and a byte of data to write, which
    // made a NegativeArraySizeException; the link now stops with one error line and writes nothing.
    WasmBytes segment = bytes().raw(0x00, 0x41, 0x00, 0x0b, 0x01, 0x2a);
    WasmBytes info = bytes().raw(0x03);
    for (String name : new String[] {".data.a", ".data.b", ".data.c"}) {
      info.name(name).raw(30, 0x00);
    }
    Path file = Dump.write(dir, "aligned.o", object()
        .section(11, bytes().raw(0x03).raw(segment).raw(segment).raw(segment))
        .custom("linking", bytes().raw(0x02).subsection(5, info)));
    Path output = dir.resolve("aligned.wasm");
    StringWriter err = new StringWriter();
    int status = assertTimeoutPreemptively(QUICKLY, () -> WasmLdMain.run(new String[] {file.toString(),
        "--no-entry", "--no-gc-sections", "-o", output.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err)));
    assertEquals(1, status, err::toString);
    assertEquals(List.of("wasm-ld: error: the output's data segments come to 2147483649 bytes, more than the"
        + " 2130706431 wasmlink can write"), err.toString().lines().toList());
    assertFalse(Files.exists(output));
  }

  /** A GNU member header: name (16), mtime (12), uid (6), gid (6), mode (8), size (10), "`\n". */
  private static byte[] header(String name, String size) {
    String text = pad(name, 16) + pad("0", 12) + pad("0", 6) + pad("0", 6) + pad("644", 8) + pad(size, 10) + "`\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(width - value.length());
  }
}
