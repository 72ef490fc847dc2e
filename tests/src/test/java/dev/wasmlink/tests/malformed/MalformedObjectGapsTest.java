package dev.wasmlink.tests.malformed;

import static dev.wasmlink.tests.malformed.MalformedObjectTest.functionSymbol;
import static dev.wasmlink.tests.malformed.MalformedObjectTest.linking;
import static dev.wasmlink.tests.malformed.MalformedObjectTest.prefix;
import static dev.wasmlink.tests.malformed.WasmBytes.bytes;
import static dev.wasmlink.tests.malformed.WasmBytes.object;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed objects that, when these tests were written, the reader either accepted (indices outside their index
 * space that LLVM's object reader refuses: exports, the start function, comdat members, a data count that disagrees
 * with the data section) or reported at the wrong place or over several lines. Each test states the behaviour the
 * format and {@code ObjectChecker}'s own contract ("each problem is a MalformedInputException at the offending
 * entry") call for. Offsets use the layout of {@link MalformedObjectTest}.
 */
class MalformedObjectGapsTest {
  @TempDir Path dir;

  private static final WasmBytes ONE_TYPE = bytes().raw(0x01, 0x60, 0x00, 0x00);
  private static final WasmBytes ONE_FUNCTION = bytes().raw(0x01, 0x00);
  private static final WasmBytes ONE_BODY = bytes().raw(0x01, 0x02, 0x00, 0x0b);

  // --- indices the checker does not check ----------------------------------------------------------------------

  @Test
  void exportOfAFunctionOutsideTheFunctionSpace() {
    // 0x12: 07 05, an EXPORT section: 0x14 count 1, 0x15 the export: name "e", kind 0 (function), index 9.
    Path file = Dump.write(dir, "export.o", object()
        .section(1, ONE_TYPE)
        .section(3, ONE_FUNCTION)
        .section(7, bytes().raw(0x01).name("e").raw(0x00, 0x09))
        .section(10, ONE_BODY));
    Dump.assertError(Dump.run(file), file.toString(), "EXPORT", 0x15, "9");
  }

  @Test
  void secondExportOutsideTheFunctionSpaceIsReportedAtItsOwnEntry() {
    // 0x12: 07 09, an EXPORT section: 0x14 count 2, 0x15 "e" -> function 0 (fine), 0x19 "f" -> function 9.
    Path file = Dump.write(dir, "export2.o", object()
        .section(1, ONE_TYPE)
        .section(3, ONE_FUNCTION)
        .section(7, bytes().raw(0x02).name("e").raw(0x00, 0x00).name("f").raw(0x00, 0x09))
        .section(10, ONE_BODY));
    Dump.assertError(Dump.run(file), file.toString(), "EXPORT", 0x19, "export f names function 9");
  }

  @Test
  void tagImportOfATypeOutsideTheTypeSection() {
    // Found by LinkFuzzTest (crash-dff5cbea...): the linker looked the type up and failed with an
    // IndexOutOfBoundsException. 0x0e: 02 07, an IMPORT section: 0x10 count 1, 0x11 the import e.t, kind 4 (tag),
    // attribute 0, type 9; there is one type.
    Path file = Dump.write(dir, "tagimport.o", object()
        .section(1, ONE_TYPE)
        .section(2, bytes().raw(0x01).name("e").name("t").raw(0x04, 0x00, 0x09)));
    Dump.assertError(Dump.run(file), file.toString(), "IMPORT", 0x11,
        "import e.t is a tag of type index 9 but there are 1 types");
  }

  @Test
  void definedTagOfATypeOutsideTheTypeSection() {
    // 0x0e: 0d 03, a TAG section: 0x10 count 1, 0x11 the tag: attribute 0, type 9; there is one type.
    Path file = Dump.write(dir, "tag.o", object()
        .section(1, ONE_TYPE)
        .section(13, bytes().raw(0x01, 0x00, 0x09)));
    Dump.assertError(Dump.run(file), file.toString(), "TAG", 0x11, "tag 0 has type index 9 but there are 1 types");
  }

  @Test
  void segmentAlignmentOfTwoToTheFourBillionth() {
    // 0x08: 0b 07, a DATA section with one active segment of one byte. 0x11: the linking section (its name at
    // 0x13..0x1a, version at 0x1b); 0x1c: segment info, 05 09; 0x1e count 1, 0x1f name "a", 0x21 alignment
    // 0xffffffff, which the linker read as the int -1 and turned into the alignment 1L << -1, a negative number.
    Path file = Dump.write(dir, "align.o", object()
        .section(11, bytes().raw(0x01, 0x00, 0x41, 0x00, 0x0b, 0x01, 0x00))
        .custom("linking", bytes().raw(0x02)
            .subsection(5, bytes().raw(0x01).name("a").raw(0xff, 0xff, 0xff, 0xff, 0x0f, 0x00))));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x21,
        "segment a has alignment 2^4294967295, more than a 32-bit memory can honor");
  }

  @Test
  void startFunctionOutsideTheFunctionSpace() {
    // 0x12: 08 01, a START section: 0x14 function 9; there is one function.
    Path file = Dump.write(dir, "start.o", object()
        .section(1, ONE_TYPE)
        .section(3, ONE_FUNCTION)
        .section(8, bytes().raw(0x09))
        .section(10, ONE_BODY));
    Dump.assertError(Dump.run(file), file.toString(), "START", 0x14, "9");
  }

  @Test
  void comdatMemberOutsideItsIndexSpace() {
    // linking: 0x28 version, 0x29 symbol table (08 06, count, 5-byte symbol, to 0x31), 0x31 comdat subsection
    // (07 NN), 0x33 count 1, 0x34 comdat "c" (name 0x34..0x35, flags 0x36, member count 0x37), 0x38 its member:
    // kind 1 (function), index 9.
    Path file = Dump.write(dir, "comdat.o", prefix().custom("linking", bytes().raw(0x02)
        .subsection(8, bytes().raw(0x01).raw(functionSymbol(0)))
        .subsection(7, bytes().raw(0x01).name("c").raw(0x00, 0x01, 0x01, 0x09))));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x38, "9");
  }

  @Test
  void dataCountDisagreesWithTheDataSection() {
    // 0x08: 0c 01 | 03, DATACOUNT 3 (value at 0x0a); 0x0b: 0b 04 | 01 01 01 'a', DATA with one passive segment
    // (count at 0x0d). Either place may be blamed.
    Path file = Dump.write(dir, "datacount.o", object()
        .section(12, bytes().raw(0x03))
        .section(11, bytes().raw(0x01, 0x01).sized(bytes().raw('a'))));
    String line = Dump.assertOneErrorLine(Dump.run(file));
    assertTrue(line.matches("wasmlink: error: \\Q" + file + "\\E: section "
        + "(DATACOUNT at offset 0xa|DATA at offset 0xd): .*"), line);
  }

  // --- errors reported at the section instead of the entry -----------------------------------------------------

  @Test
  void importTypeIndexOutOfRangeIsReportedAtTheImport() {
    // 0x0e: 02 07, an IMPORT section: 0x10 count 1, 0x11 the import m.f, a function of type 7 (there is 1 type).
    Path file = Dump.write(dir, "import.o", object()
        .section(1, ONE_TYPE)
        .section(2, bytes().raw(0x01).name("m").name("f").raw(0x00, 0x07)));
    Dump.assertError(Dump.run(file), file.toString(), "IMPORT", 0x11, "type index 7 but there are 1 types");
  }

  @Test
  void initFunctionNamingADataSymbolIsReportedAtTheEntry() {
    // linking: 0x28 version, 0x29 symbol table (08 05, count, undefined data symbol "d": 01 10 01 'd', to 0x30),
    // 0x30 init functions (06 03), 0x32 count 1, 0x33 the entry: priority 0, symbol 0.
    Path file = Dump.write(dir, "init.o", prefix().custom("linking", bytes().raw(0x02)
        .subsection(8, bytes().raw(0x01, 0x01, 0x10).name("d"))
        .subsection(6, bytes().raw(0x01, 0x00, 0x00))));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x33,
        "init function refers to symbol 0, which is not a function symbol");
  }

  @Test
  void segmentInfoForMoreSegmentsThanTheDataSectionIsReportedAtItsCount() {
    // linking: 0x28 version, 0x29 segment info (05 NN), 0x2b count 1; the object has no data section.
    Path file = Dump.write(dir, "seginfo.o", prefix().custom("linking", bytes().raw(0x02)
        .subsection(5, bytes().raw(0x01).name(".data").raw(0x00, 0x00))));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x2b,
        "segment info names 1 segments but the data section has 0");
  }

  // --- names from the input inside messages --------------------------------------------------------------------

  @Test
  void symbolNameWithANewlineStaysOnOneLine() {
    // The function symbol at 0x2c is named "bad\nname" and points at function 7.
    Path file = Dump.write(dir, "newline.o",
        linking(prefix(), bytes().raw(0x00, 0x00, 0x07).name("bad\nname")));
    String line = Dump.assertOneErrorLine(Dump.run(file));
    assertTrue(line.contains(": section linking at offset 0x2c: "), line);
    assertTrue(line.contains("defined function symbol has index 7"), line);
  }

  @Test
  void sectionNameWithANewlineStaysOnOneLine() {
    // After the linking section (to 0x31): 00 NN 09 "reloc.X\nY" (name 0x33..0x3c), 0x3d target 2, 0x3e count 1,
    // 0x3f an entry of unknown type 99.
    Path file = Dump.write(dir, "newline.o", linking(prefix(), functionSymbol(0))
        .custom("reloc.X\nY", bytes().raw(0x02, 0x01, 99, 0x04, 0x00)));
    String line = Dump.assertOneErrorLine(Dump.run(file));
    assertTrue(line.contains(" at offset 0x3f: unknown relocation type 99"), line);
  }
}
