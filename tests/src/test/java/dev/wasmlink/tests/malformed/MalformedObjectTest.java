package dev.wasmlink.tests.malformed;

import static dev.wasmlink.tests.malformed.WasmBytes.bytes;
import static dev.wasmlink.tests.malformed.WasmBytes.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wasmlink dump} on single objects that are broken in one way each. Every input is written by hand, byte by
 * byte, so the offset each message must give is counted here rather than taken from the reader.
 *
 * <p>Most relocatable inputs share one prefix ({@link #prefix()}), 30 bytes long:
 *
 * <pre>
 *   0x00  00 61 73 6d 01 00 00 00                    header
 *   0x08  01 04 | 01 60 00 00                        TYPE, 1 type: () -> ()
 *   0x0e  03 02 | 01 00                              FUNCTION, 1 function of type 0
 *   0x12  0a 0a | 01 08 00 10 80 80 80 80 00 0b      CODE (payload at 0x14, 10 bytes): one body, "call 0" with a
 *                                                    5-byte LEB at payload offset 4
 * </pre>
 *
 * then a {@code linking} section ({@link #linking}) whose symbol table's first entry is always at 0x2c:
 *
 * <pre>
 *   0x1e  00 SS 07 "linking"                         section size SS, name (0x20..0x27)
 *   0x28  02                                         version 2
 *   0x29  08 NN                                      symbol table subsection, its size
 *   0x2b  CC                                         symbol count
 *   0x2c  ...                                        first symbol
 * </pre>
 *
 * and, for the relocation cases, a {@code reloc.CODE} section ({@link #relocCode}) which, after a 5-byte symbol
 * entry (linking section ending at 0x31), has its target section index at 0x3e and its first entry at 0x40:
 *
 * <pre>
 *   0x31  00 SS 0a "reloc.CODE"                      section size, name (0x33..0x3d)
 *   0x3e  TT                                         target section index (2 = CODE)
 *   0x3f  CC                                         entry count
 *   0x40  ...                                        first entry
 * </pre>
 */
class MalformedObjectTest {
  @TempDir Path dir;

  // --- the header ----------------------------------------------------------------------------------------------

  @Test
  void emptyFile() {
    Path file = Dump.write(dir, "empty.o", new byte[0]);
    Dump.assertError(Dump.run(file), file.toString(), null, 0x0, "too short to be a wasm object");
  }

  @Test
  void fileShorterThanTheHeader() {
    Path file = Dump.write(dir, "short.o", bytes().raw(0x00, 'a', 's', 'm', 0x01));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x0, "too short to be a wasm object (5 bytes");
  }

  @Test
  void wrongMagic() {
    Path file = Dump.write(dir, "magic.o", bytes().raw(0x00, 'a', 's', 'n', 0x01, 0x00, 0x00, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x0, "not a wasm object: bad magic number");
  }

  @Test
  void llvmBitcodeIsRefusedAsLinkTimeOptimization() {
    Path file = Dump.write(dir, "lto.o", bytes().raw('B', 'C', 0xC0, 0xDE, 0x35, 0x14, 0x00, 0x00, 0x05, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x0,
        "LLVM bitcode (an -flto object): wasmlink does not do link-time optimization; build it without -flto");
  }

  @Test
  void anElfObjectIsAnUnknownFileType() {
    Path file = Dump.write(dir, "host.o", bytes().raw(0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x0, "unknown file type: an ELF file");
  }

  @Test
  void textFileIsNotAnObject() {
    Path file = Dump.write(dir, "notes.txt", WasmBytes.ascii("hello, this is text\n"));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x0, "not a wasm object");
  }

  @Test
  void wrongVersion() {
    Path file = Dump.write(dir, "version.o", bytes().raw(0x00, 'a', 's', 'm', 0x02, 0x00, 0x00, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x4, "unsupported wasm version 2");
  }

  // --- section framing -----------------------------------------------------------------------------------------

  @Test
  void sectionSizeRunsPastTheEndOfTheFile() {
    // 0x08: 01 05, a TYPE section of 5 bytes, but only 4 follow.
    Path file = Dump.write(dir, "size.o", object().raw(0x01, 0x05, 0x01, 0x60, 0x00, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x9, "TYPE section of 5 bytes runs past the end");
  }

  @Test
  void fileEndsInsideASectionSizeLeb() {
    // 0x08: 01 80, the size LEB's first byte says another follows, and the file ends.
    Path file = Dump.write(dir, "leb.o", object().raw(0x01, 0x80));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x9, "LEB128 runs past the end");
  }

  @Test
  void unknownSectionId() {
    Path file = Dump.write(dir, "id.o", object().raw(0x0e, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0x8, "unknown section id 14");
  }

  @Test
  void duplicateCoreSection() {
    // 0x08: an empty TYPE section; 0x0b: another one.
    Path file = Dump.write(dir, "dup.o", object().raw(0x01, 0x01, 0x00).raw(0x01, 0x01, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0xb, "duplicate TYPE section");
  }

  @Test
  void coreSectionsOutOfOrder() {
    // 0x08: an empty FUNCTION section; 0x0b: a TYPE section, which must come before it.
    Path file = Dump.write(dir, "order.o", object().raw(0x03, 0x01, 0x00).raw(0x01, 0x01, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), null, 0xb, "out of order");
  }

  @Test
  void sectionPayloadLongerThanItsContents() {
    // 0x08: 01 02, a TYPE section of 2 bytes: 0x0a count 0, 0x0b a byte nothing reads.
    Path file = Dump.write(dir, "unread.o", object().raw(0x01, 0x02, 0x00, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), "TYPE", 0xb, "1 unread bytes");
  }

  @Test
  void vectorCountLargerThanTheBytesLeft() {
    // 0x0a: 5 types announced, 1 byte left in the section.
    Path file = Dump.write(dir, "count.o", object().raw(0x01, 0x02, 0x05, 0x60));
    Dump.assertError(Dump.run(file), file.toString(), "TYPE", 0xa, "vector of 5 elements cannot fit");
  }

  // --- LEB128 --------------------------------------------------------------------------------------------------

  @Test
  void overlongLebForAU32() {
    // 0x0a: the type count as a 6-byte LEB, one byte more than a u32 may take.
    Path file = Dump.write(dir, "long.o", object().raw(0x01, 0x06, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00));
    Dump.assertError(Dump.run(file), file.toString(), "TYPE", 0xa, "LEB128 is longer than 5 bytes");
  }

  @Test
  void overflowingUnsignedLeb() {
    // 0x0a: ff ff ff ff 7f, whose 5th byte sets bits 32 to 34.
    Path file = Dump.write(dir, "overflow.o", object().raw(0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x7f));
    Dump.assertError(Dump.run(file), file.toString(), "TYPE", 0xa, "LEB128 value overflows 32 bits");
  }

  @Test
  void overflowingSignedLebInAGlobalInitializer() {
    // 0x08: 06 0a, a GLOBAL section: 0x0a count 1, 0x0b i32, 0x0c immutable, 0x0d i32.const, 0x0e 80 80 80 80 08
    // (2^31, which does not fit a signed 32-bit value), 0x13 end.
    Path file = Dump.write(dir, "global.o", object().section(6,
        bytes().raw(0x01, 0x7f, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x08, 0x0b)));
    Dump.assertError(Dump.run(file), file.toString(), "GLOBAL", 0xe, "LEB128 value overflows 32 bits");
  }

  @Test
  void negativeSignedLebWithWrongSignBits() {
    // 0x0e: ff ff ff ff 4f: bit 31 is set (negative) but bits 32 to 34 are not copies of it.
    Path file = Dump.write(dir, "global.o", object().section(6,
        bytes().raw(0x01, 0x7f, 0x00, 0x41, 0xff, 0xff, 0xff, 0xff, 0x4f, 0x0b)));
    Dump.assertError(Dump.run(file), file.toString(), "GLOBAL", 0xe, "LEB128 value overflows 32 bits");
  }

  // --- names ---------------------------------------------------------------------------------------------------

  @Test
  void invalidUtf8InAnImportName() {
    // 0x08: 02 07, an IMPORT section: 0x0a count 1, 0x0b module name of 1 byte, 0xff, which is never UTF-8.
    Path file = Dump.write(dir, "utf8.o", object().section(2,
        bytes().raw(0x01).sized(bytes().raw(0xff)).name("f").raw(0x00, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "IMPORT", 0xb, "name is not valid UTF-8");
  }

  @Test
  void invalidUtf8InACustomSectionName() {
    // 0x08: 00 03, a custom section: 0x0a its name, 2 bytes c3 28 (a lead byte without its continuation).
    Path file = Dump.write(dir, "custom.o", object().raw(0x00, 0x03, 0x02, 0xc3, 0x28));
    Dump.assertError(Dump.run(file), file.toString(), null, 0xa, "name is not valid UTF-8");
  }

  // --- index spaces --------------------------------------------------------------------------------------------

  @Test
  void functionTypeIndexOutOfRange() {
    // 0x0e: 03 02, a FUNCTION section: 0x10 count 1, 0x11 type index 5; there is 1 type. The message points at the
    // offending entry, as ObjectChecker promises, not at the section's count.
    Path file = Dump.write(dir, "functype.o", object()
        .section(1, bytes().raw(0x01, 0x60, 0x00, 0x00))
        .section(3, bytes().raw(0x01, 0x05))
        .section(10, bytes().raw(0x01, 0x02, 0x00, 0x0b)));
    Dump.assertError(Dump.run(file), file.toString(), "FUNCTION", 0x11, "type index 5 but there are 1 types");
  }

  @Test
  void codeBodyCountDiffersFromFunctionCount() {
    // 0x12: 0a 07, a CODE section: 0x14 count 2, then two empty bodies; the function section declares 1.
    Path file = Dump.write(dir, "bodies.o", object()
        .section(1, bytes().raw(0x01, 0x60, 0x00, 0x00))
        .section(3, bytes().raw(0x01, 0x00))
        .section(10, bytes().raw(0x02, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b)));
    Dump.assertError(Dump.run(file), file.toString(), "CODE", 0x14,
        "the code section has 2 function bodies but the function section declares 1 functions");
  }

  // --- linking -------------------------------------------------------------------------------------------------

  @Test
  void linkingVersion1() {
    // 0x1e: 00 09 07 "linking", 0x28: version 1.
    Path file = Dump.write(dir, "v1.o", prefix().custom("linking", bytes().raw(0x01)));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x28,
        "linking section version 1 is not supported");
  }

  @Test
  void unknownSymbolKind() {
    Path file = Dump.write(dir, "kind.o", linking(prefix(), bytes().raw(0x09, 0x00, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x2c, "unknown symbol info tag 0x9");
  }

  @Test
  void functionSymbolOutsideTheFunctionSpace() {
    // A defined function symbol for function 7; there is one function, index 0.
    Path file = Dump.write(dir, "funcsym.o", linking(prefix(), functionSymbol(7)));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x2c,
        "defined function symbol has index 7, outside the defined functions");
  }

  @Test
  void dataSymbolSegmentOutOfRange() {
    // The prefix, then at 0x1e: 0b 07, a DATA section with one segment (0x20 count, active, i32.const 0, 1 byte),
    // ending at 0x27; linking at 0x27: 00 SS 07 "linking" (to 0x31), 0x31 version, 0x32 08 NN, 0x34 count,
    // 0x35 the data symbol: flags 0, name "d", segment 3, offset 0, size 1.
    WasmBytes withData = prefix().section(11, bytes().raw(0x01, 0x00, 0x41, 0x00, 0x0b).sized(bytes().raw('a')));
    Path file = Dump.write(dir, "datasym.o",
        linking(withData, bytes().raw(0x01, 0x00).name("d").raw(0x03, 0x00, 0x01)));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x35,
        "data segment 3 is out of range (the data section has 1 segments)");
  }

  @Test
  void dataSymbolStartingPastItsSegment() {
    // As above, with the data symbol in segment 0 at offset 2: the segment has 1 byte. (Starting at 1, inside the
    // segment, with any size, is what LLVM's reader accepts.)
    WasmBytes withData = prefix().section(11, bytes().raw(0x01, 0x00, 0x41, 0x00, 0x0b).sized(bytes().raw('a')));
    Path file = Dump.write(dir, "datasympast.o",
        linking(withData, bytes().raw(0x01, 0x00).name("d").raw(0x00, 0x02, 0x01)));
    Dump.assertError(Dump.run(file), file.toString(), "linking", 0x35,
        "offset 2 is past the end of data segment 0 (1 bytes)");
  }

  // --- relocations ---------------------------------------------------------------------------------------------

  @Test
  void unknownRelocationType() {
    Path file = Dump.write(dir, "reloctype.o", relocCode(functionSymbol(0), 2, bytes().raw(99, 0x04, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x40, "unknown relocation type 99");
  }

  @Test
  void unknownRelocationTypeIsPrintedUnsigned() {
    // Type 0xffffffff, a valid u32 LEB: the message must give it as the unsigned number the file holds.
    Path file = Dump.write(dir, "reloctype.o",
        relocCode(functionSymbol(0), 2, bytes().raw(0xff, 0xff, 0xff, 0xff, 0x0f, 0x04, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x40, "unknown relocation type 4294967295");
  }

  @Test
  void relocationSymbolIndexOutOfRange() {
    // R_WASM_FUNCTION_INDEX_LEB at offset 4 against symbol 5; the table has 1 symbol.
    Path file = Dump.write(dir, "relocsym.o", relocCode(functionSymbol(0), 2, bytes().raw(0x00, 0x04, 0x05)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x40,
        "refers to symbol 5 but the symbol table has 1 entries");
  }

  @Test
  void relocationOffsetPastItsSection() {
    // R_WASM_FUNCTION_INDEX_LEB at offset 6: its 5 bytes would end at 11, the CODE payload has 10.
    Path file = Dump.write(dir, "relocoff.o", relocCode(functionSymbol(0), 2, bytes().raw(0x00, 0x06, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x40,
        "R_WASM_FUNCTION_INDEX_LEB at offset 0x6 needs 5 bytes but section CODE has only 10");
  }

  @Test
  void relocationOnAFunctionBodysSize() {
    // R_WASM_FUNCTION_INDEX_LEB at offset 0: payload bytes 0..4 hold the body count and size and the body's start;
    // the body itself is bytes 2..9. The linker copies bodies one by one, so it would patch before the body it
    // sorts the relocation into (found by LinkFuzzTest for DATA, crash-8767e76a...: an ArrayIndexOutOfBounds).
    Path file = Dump.write(dir, "relocsize.o", relocCode(functionSymbol(0), 2, bytes().raw(0x00, 0x00, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x40,
        "R_WASM_FUNCTION_INDEX_LEB at offset 0x0 is not inside any function body of section CODE");
  }

  @Test
  void relocationOnADataSegmentsHeader() {
    // DATA (0x1e..0x29): count 1, segment: flags 0, i32.const 0 end, size 4, 4 bytes (payload offsets 6..9). An
    // R_WASM_MEMORY_ADDR_I32 at payload offset 1 patches the segment's header. After linking (0x2a..0x3e, one data
    // symbol "d" of 7 bytes), reloc.DATA starts at 0x3f: its target section (3) at 0x4c, its one entry at 0x4e.
    WasmBytes dataSymbol = bytes().raw(0x01, 0x00).name("d").raw(0x00, 0x00, 0x04);
    Path file = Dump.write(dir, "relocdata.o", prefix()
        .section(11, bytes().raw(0x01, 0x00, 0x41, 0x00, 0x0b, 0x04, 0x00, 0x00, 0x00, 0x00))
        .custom("linking", bytes().raw(0x02).subsection(8, bytes().raw(0x01).raw(dataSymbol)))
        .custom("reloc.DATA", bytes().raw(0x03, 0x01, 0x05, 0x01, 0x00, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.DATA", 0x4e,
        "R_WASM_MEMORY_ADDR_I32 at offset 0x1 is not inside any data segment's contents of section DATA");
  }

  @Test
  void relocationsOutOfOffsetOrder() {
    // Two R_WASM_FUNCTION_INDEX_LEB, at offsets 5 then 4 (each alone would do): LLVM writes a section's relocations in
    // offset order, and wasm-ld 19 refuses others in these words. The first entry is 3 bytes, so the second is at 0x43.
    Path file = Dump.write(dir, "relocorder.o", linking(prefix(), functionSymbol(0))
        .custom("reloc.CODE", bytes().raw(0x02, 0x02).raw(0x00, 0x05, 0x00).raw(0x00, 0x04, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x43, "relocations not in offset order");
  }

  @Test
  void relocationTargetSectionOutOfRange() {
    // Target section 9; the object has 5 sections (TYPE, FUNCTION, CODE, linking, reloc.CODE).
    Path file = Dump.write(dir, "reloctarget.o", relocCode(functionSymbol(0), 9, bytes().raw(0x00, 0x04, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x3e,
        "relocations target section 9 but the object has 5 sections");
  }

  @Test
  void relocationAgainstTheWrongKindOfSymbol() {
    // Symbol 0 is an undefined data symbol "dd" (01 10 02 'd' 'd', 5 bytes like the function symbol, so the
    // offsets stay those of the class comment); R_WASM_FUNCTION_INDEX_LEB needs a function symbol.
    WasmBytes dataSymbol = bytes().raw(0x01, 0x10).name("dd");
    Path file = Dump.write(dir, "relockind.o", relocCode(dataSymbol, 2, bytes().raw(0x00, 0x04, 0x00)));
    Dump.assertError(Dump.run(file), file.toString(), "reloc.CODE", 0x40,
        "R_WASM_FUNCTION_INDEX_LEB refers to symbol 0 (dd), a data symbol, but it needs a function symbol");
  }

  // --- a well-formed control -----------------------------------------------------------------------------------

  @Test
  void theWellFormedBaseObjectDumps() {
    // The inputs above differ from this one in one place each, so this shows the error comes from that place.
    Path file = Dump.write(dir, "good.o", relocCode(functionSymbol(0), 2, bytes().raw(0x00, 0x04, 0x00)));
    Dump.Result result = Dump.run(file);
    assertEquals(0, result.status(), result::toString);
    assertEquals("", result.err(), result::toString);
    assertTrue(result.out().contains("R_WASM_FUNCTION_INDEX_LEB"), result::toString);
  }

  // --- builders ------------------------------------------------------------------------------------------------

  /** Header, TYPE, FUNCTION and CODE, 30 bytes; see the class comment. */
  static WasmBytes prefix() {
    return object()
        .section(1, bytes().raw(0x01, 0x60, 0x00, 0x00))
        .section(3, bytes().raw(0x01, 0x00))
        .section(10, bytes().raw(0x01, 0x08, 0x00, 0x10, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b));
  }

  /** A defined function symbol, 5 bytes: kind 0, flags 0, the index, name "f". */
  static WasmBytes functionSymbol(int index) {
    return bytes().raw(0x00, 0x00).uleb(index).name("f");
  }

  /** {@code object} followed by a version-2 {@code linking} section whose symbol table holds one symbol. */
  static WasmBytes linking(WasmBytes object, WasmBytes symbol) {
    return object.custom("linking", bytes().raw(0x02).subsection(8, bytes().raw(0x01).raw(symbol)));
  }

  /** The prefix, a linking section with one symbol, and a {@code reloc.CODE} section with one entry. */
  static WasmBytes relocCode(WasmBytes symbol, int targetSection, WasmBytes entry) {
    return linking(prefix(), symbol).custom("reloc.CODE", bytes().uleb(targetSection).raw(0x01).raw(entry));
  }
}
