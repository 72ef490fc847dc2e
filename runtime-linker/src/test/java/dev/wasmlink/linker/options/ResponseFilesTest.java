package dev.wasmlink.linker.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.options.ResponseFiles.Quoting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two tokenizers and {@code @FILE} expansion. The expected splits were checked against wasm-ld 19 itself, which
 * names each argument of a response file in its "cannot open" errors.
 */
class ResponseFilesTest {

  @TempDir Path dir;

  // ---- POSIX (GNU) rules ----

  @Test
  void posixSplitsAtAnyBlank() {
    assertEquals(List.of("a", "b", "c", "d", "e"), ResponseFiles.tokenizePosix("a b\tc\nd\r\n  e  \n"));
    assertEquals(List.of(), ResponseFiles.tokenizePosix(""));
    assertEquals(List.of(), ResponseFiles.tokenizePosix(" \n\t "));
  }

  @Test
  void posixQuotesAndEscapesAsLldSplitsThem() {
    // The same text wasm-ld 19 was given: it reported exactly these nine inputs.
    String text = "a\\ b \"c d\" 'e f' g\"h i\"j 'k\\'l' \"m\\\"n\" o\\\\p '' q\"\" \"r";

    assertEquals(List.of("a b", "c d", "e f", "gh ij", "k'l", "m\"n", "o\\p", "q", "r"),
        ResponseFiles.tokenizePosix(text));
  }

  @Test
  void posixBackslashBeforeNewlineKeepsTheNewline() {
    assertEquals(List.of("a\nb", "c"), ResponseFiles.tokenizePosix("a\\\nb c"));
  }

  @Test
  void posixTrailingBackslashIsLiteral() {
    assertEquals(List.of("a\\"), ResponseFiles.tokenizePosix("a\\"));
  }

  @Test
  void posixKeepsWindowsPathsOnlyWhenEscapedOrQuotedWithBackslashesDoubled() {
    assertEquals(List.of("C:dirfile.o"), ResponseFiles.tokenizePosix("C:\\dir\\file.o"));
    assertEquals(List.of("C:\\dir\\file.o"), ResponseFiles.tokenizePosix("C:\\\\dir\\\\file.o"));
  }

  @Test
  void posixQuotedSpacesStayInOneArgument() {
    assertEquals(List.of("-o", "/tmp/my dir/out.wasm", "--export=a b"),
        ResponseFiles.tokenizePosix("-o '/tmp/my dir/out.wasm' \"--export=a b\""));
  }

  // ---- Windows (MSVC) rules ----

  @Test
  void windowsRulesAsLldSplitsThem() {
    // The same text wasm-ld 19 was given with --rsp-quoting=windows.
    String text = "a\\ b \"c d\" \"e\\\"f\" g\\\\\"h i\" j\\\\\\\\\"k l\" \"m\"\"n\" o\"\"p \"\" q\\\\r \"s";

    assertEquals(List.of("a\\", "b", "c d", "e\"f", "g\\h i", "j\\\\k l", "m\"n", "op", "", "q\\\\r", "s"),
        ResponseFiles.tokenizeWindows(text));
  }

  @Test
  void windowsBackslashesAreLiteralExceptBeforeAQuote() {
    assertEquals(List.of("C:\\dir\\file.o", "C:\\My Dir\\x.o"),
        ResponseFiles.tokenizeWindows("C:\\dir\\file.o \"C:\\My Dir\\x.o\""));
    assertEquals(List.of("a\\\"b"), ResponseFiles.tokenizeWindows("a\\\\\\\"b"));
    assertEquals(List.of("tail\\"), ResponseFiles.tokenizeWindows("\"tail\\\\\""));
  }

  @Test
  void windowsSingleQuotesAreOrdinary() {
    assertEquals(List.of("'a", "b'"), ResponseFiles.tokenizeWindows("'a b'"));
  }

  @Test
  void windowsEmptyQuotesMakeAnEmptyArgumentWhichTheParserSkips(@TempDir Path base) throws IOException {
    assertEquals(List.of("x", "", "y"), ResponseFiles.tokenizeWindows("x \"\" y"));
    Files.writeString(base.resolve("w.rsp"), "x.o \"\" -o out.wasm");

    LinkOptions options = WasmLdCommandLine.parse(List.of("--rsp-quoting=windows", "@w.rsp"), base);

    assertEquals(List.of(FileInput.of("x.o")), options.inputs());
    assertEquals(Path.of("out.wasm"), options.output());
  }

  @Test
  void tokenizeChoosesTheRules() {
    assertEquals(List.of("a b"), ResponseFiles.tokenize("'a b'", Quoting.POSIX));
    assertEquals(List.of("'a", "b'"), ResponseFiles.tokenize("'a b'", Quoting.WINDOWS));
    assertEquals(Quoting.POSIX, Quoting.fromFlagValue("posix"));
    assertEquals(Quoting.WINDOWS, Quoting.fromFlagValue("windows"));
    assertEquals(null, Quoting.fromFlagValue("gnu"));
  }

  // ---- expansion ----

  @Test
  void expandsInPlaceAndRecursively() throws IOException {
    write("outer.rsp", "a.o @inner.rsp\n-o out.wasm\n");
    write("inner.rsp", "b.o c.o");

    List<String> expanded = ResponseFiles.expand(List.of("first.o", "@outer.rsp", "last.o"), Quoting.POSIX, dir);

    assertEquals(List.of("first.o", "a.o", "b.o", "c.o", "-o", "out.wasm", "last.o"), expanded);
  }

  @Test
  void nestedNamesAreRelativeToTheWorkingDirectoryNotTheIncludingFile() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    write("sub/outer.rsp", "@inner.rsp");
    write("inner.rsp", "top.o");
    write("sub/inner.rsp", "sub.o");

    assertEquals(List.of("top.o"), ResponseFiles.expand(List.of("@sub/outer.rsp"), Quoting.POSIX, dir));
  }

  @Test
  void theSameFileTwiceSideBySideIsNotRecursion() throws IOException {
    write("common.rsp", "x.o");
    write("both.rsp", "@common.rsp @common.rsp");

    assertEquals(List.of("x.o", "x.o"), ResponseFiles.expand(List.of("@both.rsp"), Quoting.POSIX, dir));
  }

  @Test
  void absoluteNamesWork() throws IOException {
    Path file = write("abs.rsp", "'with space.o'");

    assertEquals(List.of("with space.o"), ResponseFiles.expand(List.of("@" + file), Quoting.POSIX, Path.of("/")));
  }

  @Test
  void selfInclusionIsAnError() throws IOException {
    Path self = write("self.rsp", "a.o @self.rsp");

    CommandLineException e = assertThrows(CommandLineException.class,
        () -> ResponseFiles.expand(List.of("@self.rsp"), Quoting.POSIX, dir));

    assertEquals("recursive expansion of: '" + self.toRealPath() + "'", e.getMessage());
  }

  @Test
  void indirectCycleIsAnError() throws IOException {
    write("a.rsp", "@b.rsp");
    Path b = write("b.rsp", "@a.rsp");

    CommandLineException e = assertThrows(CommandLineException.class,
        () -> ResponseFiles.expand(List.of("@b.rsp"), Quoting.POSIX, dir));

    assertEquals("recursive expansion of: '" + b.toRealPath() + "'", e.getMessage());
  }

  @Test
  void nestingHasADepthLimit() throws IOException {
    int files = ResponseFiles.MAX_DEPTH + 1;
    for (int i = 0; i < files; i++) {
      write("n" + i + ".rsp", i + 1 < files ? "@n" + (i + 1) + ".rsp" : "deep.o");
    }

    CommandLineException e = assertThrows(CommandLineException.class,
        () -> ResponseFiles.expand(List.of("@n0.rsp"), Quoting.POSIX, dir));

    assertEquals("response files nested more than 64 deep at @n64.rsp", e.getMessage());
  }

  @Test
  void nestingUpToTheLimitIsFine() throws IOException {
    int files = ResponseFiles.MAX_DEPTH;
    for (int i = 0; i < files; i++) {
      write("m" + i + ".rsp", i + 1 < files ? "@m" + (i + 1) + ".rsp" : "deep.o");
    }

    assertEquals(List.of("deep.o"), ResponseFiles.expand(List.of("@m0.rsp"), Quoting.POSIX, dir));
  }

  @Test
  void missingFileIsReportedWithLldsWords() {
    CommandLineException e = assertThrows(CommandLineException.class,
        () -> ResponseFiles.expand(List.of("@nonexist"), Quoting.POSIX, dir));

    assertEquals("cannot open @nonexist: No such file or directory", e.getMessage());
  }

  @Test
  void missingNestedFileIsReportedWithItsName() throws IOException {
    write("outer.rsp", "a.o @gone.rsp");

    CommandLineException e = assertThrows(CommandLineException.class,
        () -> ResponseFiles.expand(List.of("@outer.rsp"), Quoting.POSIX, dir));

    assertEquals("cannot open @gone.rsp: No such file or directory", e.getMessage());
  }

  @Test
  void directoryIsNotAResponseFile() {
    CommandLineException e = assertThrows(CommandLineException.class,
        () -> ResponseFiles.expand(List.of("@."), Quoting.POSIX, dir));

    assertEquals("cannot open @.: Is a directory", e.getMessage());
  }

  @Test
  void utf8ByteOrderMarkIsSkippedAndTextIsUtf8() throws IOException {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] text = "--export=caf\u00e9 x.o".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(text, 0, bytes, bom.length, text.length);
    Files.write(dir.resolve("bom.rsp"), bytes);

    assertEquals(List.of("--export=caf\u00e9", "x.o"), ResponseFiles.expand(List.of("@bom.rsp"), Quoting.POSIX, dir));
  }

  @Test
  void emptyFileExpandsToNothing() throws IOException {
    write("empty.rsp", "");

    assertEquals(List.of("a.o"), ResponseFiles.expand(List.of("@empty.rsp", "a.o"), Quoting.POSIX, dir));
  }

  @Test
  void detectsResponseFiles() {
    assertTrue(ResponseFiles.hasResponseFile(List.of("a.o", "@b")));
    assertFalse(ResponseFiles.hasResponseFile(List.of("a.o", "b@c")));
  }

  // ---- through the parser ----

  @Test
  void parserUsesTheLastRspQuotingOnTheCommandLine() throws IOException {
    write("w.rsp", "\"C:\\My Objects\\a.o\" -o C:\\out\\x.wasm");

    LinkOptions options = WasmLdCommandLine.parse(
        List.of("--rsp-quoting=posix", "--rsp-quoting", "windows", "@w.rsp"), dir);

    assertEquals(Quoting.WINDOWS, options.rspQuoting());
    assertEquals(List.of(FileInput.of("C:\\My Objects\\a.o")), options.inputs());
    assertEquals(Path.of("C:\\out\\x.wasm"), options.output());
  }

  @Test
  void parserSplitsPosixByDefaultOnThisPlatform() throws IOException {
    write("p.rsp", "'my file.o' -o my\\ out.wasm");

    LinkOptions options = WasmLdCommandLine.parse(List.of("@p.rsp"), dir);

    assertEquals(Quoting.platformDefault(), options.rspQuoting());
    if (Quoting.platformDefault() == Quoting.POSIX) {
      assertEquals(List.of(FileInput.of("my file.o")), options.inputs());
      assertEquals(Path.of("my out.wasm"), options.output());
    }
  }

  @Test
  void rspQuotingInsideAResponseFileDoesNotChangeHowItIsSplit() throws IOException {
    write("r.rsp", "--rsp-quoting=windows 'a b.o'");

    LinkOptions options = WasmLdCommandLine.parse(List.of("--rsp-quoting=posix", "@r.rsp"), dir);

    assertEquals(List.of(FileInput.of("a b.o")), options.inputs());
  }

  @Test
  void responseFileMayStandWhereAValueIsExpected() throws IOException {
    write("name.rsp", "out.wasm");

    LinkOptions options = WasmLdCommandLine.parse(List.of("-o", "@name.rsp", "x.o"), dir);

    assertEquals(Path.of("out.wasm"), options.output());
  }

  @Test
  void nestedResponseFilesThroughTheParserWithBothQuotings() throws IOException {
    write("top.rsp", "--export=\"two words\" @mid.rsp");
    write("mid.rsp", "-o 'out dir/x.wasm' \"a\\\"q.o\"");
    LinkOptions posix = WasmLdCommandLine.parse(List.of("--rsp-quoting=posix", "@top.rsp"), dir);

    assertEquals(List.of("two words"), posix.exports());
    assertEquals(Path.of("out dir/x.wasm"), posix.output());
    assertEquals(List.of(FileInput.of("a\"q.o")), posix.inputs());

    LinkOptions windows = WasmLdCommandLine.parse(List.of("--rsp-quoting=windows", "@top.rsp"), dir);

    assertEquals(List.of("two words"), windows.exports());
    assertEquals(Path.of("'out"), windows.output());
    assertEquals(List.of(FileInput.of("dir/x.wasm'"), FileInput.of("a\"q.o")), windows.inputs());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void filesNamingEachOtherThousandsOfTimesStopAtTheExpansionLimit() throws IOException {
    // 12 KB of files: a names b 2000 times, b names c 2000 times, c is empty: four million expansions, no cycle.
    Path base = dir;
    Files.writeString(base.resolve("a"), "@b ".repeat(2000));
    Files.writeString(base.resolve("b"), "@c ".repeat(2000));
    Files.writeString(base.resolve("c"), "");
    CommandLineException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
            CommandLineException.class,
            () -> ResponseFiles.expand(List.of("@a"), Quoting.POSIX, base)));
    assertEquals("response files are expanded more than 65536 times, at @c", e.getMessage());
  }

  @Test
  void filesExpandingToMillionsOfArgumentsStopAtTheArgumentLimit() throws IOException {
    // a names b 3000 times, b holds 3000 arguments: nine million arguments from 15 KB.
    Path base = dir;
    Files.writeString(base.resolve("a"), "@b ".repeat(3000));
    Files.writeString(base.resolve("b"), "x ".repeat(3000));
    CommandLineException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
            CommandLineException.class,
            () -> ResponseFiles.expand(List.of("@a"), Quoting.POSIX, base)));
    assertEquals("response files expand to more than 4194304 arguments", e.getMessage());
  }
}
