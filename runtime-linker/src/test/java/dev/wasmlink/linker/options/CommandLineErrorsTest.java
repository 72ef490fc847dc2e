package dev.wasmlink.linker.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rejected command lines, with lld's exact words (each was checked against wasm-ld 19.1.7, which prints them after
 * "wasm-ld: error: ").
 */
class CommandLineErrorsTest {

  @TempDir Path dir;

  private CommandLineException reject(String... args) {
    return assertThrows(CommandLineException.class, () -> WasmLdCommandLine.parse(Arrays.asList(args), dir));
  }

  @Test
  void aValueWithALineBreakStaysOnOneErrorLine() throws IOException {
    // Found by ResponseFileFuzzTest (crash-f757b5e4...): a response file's quoted argument "a<NUL><LF> is a path
    // Java cannot make, and the error quoted it raw, splitting the line.
    Files.write(dir.resolve("rsp"), new byte[] {'"', 'a', 0, '\n'});
    CommandLineException e = reject("@rsp");
    assertEquals("invalid path: a\\x00\\n", e.getMessage());
    assertEquals(List.of("invalid path: a\\x00\\n"), e.errors());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("firstErrors")
  void firstErrorIsLlds(List<String> args, String message) {
    CommandLineException e =
        assertThrows(CommandLineException.class, () -> WasmLdCommandLine.parse(args, dir));

    assertEquals(message, e.getMessage());
    assertEquals(message, e.errors().get(0));
  }

  static Stream<Arguments> firstErrors() {
    return Stream.of(
        // Unknown options.
        error("unknown argument: --foo", "--foo", "x.o"),
        error("unknown argument: -foo", "-foo", "x.o"),
        error("unknown argument: --EXPORT=foo", "--EXPORT=foo"),
        error("unknown argument: ---export=foo", "---export=foo"),
        error("unknown argument: --", "--", "x.o"),
        error("unknown argument: -h", "-h"),
        error("unknown argument: --v", "--v"),
        error("unknown argument: --no-check-features=1", "--no-check-features=1"),
        error("unknown argument: -check-features", "-check-features"),
        error("unknown argument: -import-memory", "-import-memory"),
        error("unknown argument: -stack-first", "-stack-first"),
        error("unknown argument: -no-entry", "-no-entry"),
        error("unknown argument: -global-base=8", "-global-base=8"),
        error("unknown argument: -initial-memory=65536", "-initial-memory=65536"),
        error("unknown argument: --initial-memory", "--initial-memory", "65536"),
        error("unknown argument: --allow-undefined-file", "--allow-undefined-file", "syms.txt"),
        error("unknown argument: --why-extract", "--why-extract", "-"),
        error("unknown argument: -why-extract=-", "-why-extract=-"),
        error("unknown argument: -Mapm.map", "-Mapm.map"),
        error("unknown argument: -flavor", "x.o", "-flavor", "wasm"),
        error("unknown argument: -no-shlib-sigcheck", "-no-shlib-sigcheck"),
        error("unknown argument: --allow-multiple-definition", "--allow-multiple-definition"),
        // Missing values.
        error("--export: missing argument", "--export"),
        error("-export: missing argument", "-export"),
        error("--export-if-defined: missing argument", "--export-if-defined"),
        error("-o: missing argument", "-o"),
        error("-O: missing argument", "x.o", "-O"),
        error("-L: missing argument", "x.o", "-o", "y.wasm", "-L"),
        error("-l: missing argument", "-l"),
        error("-e: missing argument", "-e"),
        error("--entry: missing argument", "--entry"),
        error("-u: missing argument", "-u"),
        error("-y: missing argument", "-y"),
        error("-z: missing argument", "-z"),
        error("-m: missing argument", "-m"),
        error("-mllvm: missing argument", "-mllvm"),
        error("-Map: missing argument", "-Map"),
        error("--keep-section: missing argument", "--keep-section"),
        error("--rsp-quoting: missing argument", "--rsp-quoting"),
        error("--threads: missing argument", "--threads"),
        error("-allow-undefined-file: missing argument", "-allow-undefined-file"),
        // Numbers.
        error("--initial-memory=abc: number expected, but got 'abc'", "--initial-memory=abc", "x.o"),
        error("--initial-memory=0x20000: number expected, but got '0x20000'", "--initial-memory=0x20000"),
        error("--initial-memory=: number expected, but got ''", "--initial-memory="),
        error("--max-memory=abc: number expected, but got 'abc'", "--max-memory=abc"),
        error("--global-base=abc: number expected, but got 'abc'", "--global-base=abc", "x.o"),
        error("--table-base=x: number expected, but got 'x'", "--table-base=x"),
        error("--initial-heap=1k: number expected, but got '1k'", "--initial-heap=1k"),
        error("-i: number expected, but got ''", "-i"),
        error("-Oabc: number expected, but got 'abc'", "-Oabc", "x.o"),
        error("-O: number expected, but got 'abc'", "-O", "abc"),
        error("-O+1: number expected, but got '+1'", "-O+1"),
        error("--error-limit=x: number expected, but got 'x'", "--error-limit=x"),
        error("--lto-Ofoo: number expected, but got 'foo'", "--lto-Ofoo"),
        error("--lto-partitions=p: number expected, but got 'p'", "--lto-partitions=p"),
        error("invalid optimization level for LTO: 9", "--lto-O9"),
        error("invalid codegen optimization level for LTO: 4", "--lto-CGO4"),
        error("invalid stack-size: abc", "-z", "stack-size=abc", "x.o"),
        error("invalid stack-size: -1", "-z", "stack-size=-1"),
        error("invalid stack-size: +16", "-z", "stack-size=+16"),
        error("invalid stack-size: 1e3", "-zstack-size=1e3"),
        error("invalid stack-size: ", "-z", "stack-size="),
        error("invalid stack-size: ", "-z", "stack-size"),
        error("--threads: expected a positive integer, but got 'abc'", "--threads=abc", "x.o"),
        error("--threads: expected a positive integer, but got '0'", "--threads=0", "x.o"),
        error("-threads: expected a positive integer, but got '-2'", "-threads", "-2"),
        // Keywords.
        error("unknown --unresolved-symbols value: foo", "--unresolved-symbols=foo", "x.o"),
        error("invalid response file quoting: foo", "--rsp-quoting=foo", "x.o"),
        error("invalid target architecture: foo", "-m", "foo", "x.o"),
        error("invalid target architecture: erge-data-segments", "-merge-data-segments"),
        error("unknown option: --color-diagnostics=foo", "--color-diagnostics=foo", "x.o"),
        error("unknown option: --color-diagnostics=foo", "-color-diagnostics=foo"),
        error("unknown --build-id style: foo", "--build-id=foo"),
        // Combinations lld refuses while reading options.
        error("--max-memory is incompatible with --no-growable-memory", "--max-memory=65536", "--no-growable-memory"),
        error("-shared/-pie is incompatible with --export-table", "--pie", "--export-table"),
        error("--relocatable is incompatible with --export-table", "-r", "--export-table"),
        error("--relocatable is incompatible with --growable-table", "-r", "--growable-table"),
        error("--export-memory is incompatible with --shared", "--shared", "--export-memory"),
        error("--export-memory is incompatible with --shared", "--shared", "--export-memory=m"),
        // Groups.
        error("nested --start-lib", "--whole-archive", "--start-lib", "--start-lib", "x.o"),
        error("stray --end-lib", "--end-lib", "x.o"),
        // Unreadable files.
        error("cannot open @nonexist: No such file or directory", "@nonexist", "x.o"),
        error("cannot open @: No such file or directory", "@"),
        error("cannot open nope: No such file or directory", "--allow-undefined-file=nope"),
        error("cannot open nope: No such file or directory", "-allow-undefined-file", "nope"),
        error("cannot open : No such file or directory", "--allow-undefined-file=")
        );
  }

  private static Arguments error(String message, String... args) {
    return Arguments.of(List.of(args), message);
  }

  @Test
  void flavorErrors() {
    assertEquals("missing arg value for '-flavor'", reject("-flavor").getMessage());
    assertEquals("Unknown flavor: foo", reject("-flavor", "foo", "x.o").getMessage());
    assertEquals("-flavor gnu: this linker only links WebAssembly; use -flavor wasm",
        reject("-flavor", "gnu", "x.o").getMessage());
    assertEquals("-flavor link: this linker only links WebAssembly; use -flavor wasm",
        reject("-flavor=link").getMessage());
  }

  @Test
  void everyUnknownArgumentIsListedInOrder() {
    CommandLineException e = reject("--foo", "x.o", "--bar", "-baz");

    assertEquals(List.of("unknown argument: --foo", "unknown argument: --bar", "unknown argument: -baz"),
        e.errors());
  }

  @Test
  void colorDiagnosticsAndMissingArgumentComeBeforeUnknownArguments() {
    CommandLineException e = reject("--foo", "--color-diagnostics=x", "--export");

    assertEquals(List.of("unknown option: --color-diagnostics=x", "--export: missing argument",
        "unknown argument: --foo"), e.errors());
  }

  @Test
  void valueErrorsAreReportedTogetherInLldsOrder() {
    CommandLineException e = reject("-m", "foo", "--initial-memory=x", "-O", "y", "--unresolved-symbols=z");

    assertEquals(List.of("-O: number expected, but got 'y'", "unknown --unresolved-symbols value: z",
        "--initial-memory=x: number expected, but got 'x'", "invalid target architecture: foo"), e.errors());
  }

  @Test
  void fatalWarningsTurnsTheUnknownZWarningIntoAnError() {
    assertEquals("unknown -z value: foo", reject("-z", "foo", "--fatal-warnings").getMessage());
  }

  @Test
  void unknownZKeywordIsOnlyAWarning() {
    LinkOptions o = WasmLdCommandLine.parse(List.of("-z", "foo", "-zbar=1"), dir);

    assertEquals(List.of("unknown -z value: foo", "unknown -z value: bar=1"), o.warnings());
  }

  @Test
  void responseFileErrorsThroughTheParser() throws IOException {
    Path self = dir.resolve("self.rsp");
    Files.writeString(self, "@self.rsp");

    assertEquals("recursive expansion of: '" + self.toRealPath() + "'", reject("@self.rsp").getMessage());
  }

  @Test
  void helpAndVersionSkipWhatLldSkips() {
    // --help returns before lld reads values; --version before it reads inputs.
    WasmLdCommandLine.parse(List.of("--help", "--initial-memory=abc", "--allow-undefined-file=nope"), dir);
    WasmLdCommandLine.parse(List.of("--version", "--end-lib", "--allow-undefined-file=nope"), dir);
    assertEquals("--initial-memory=abc: number expected, but got 'abc'",
        reject("--version", "--initial-memory=abc").getMessage());
    assertEquals("unknown argument: --foo", reject("--help", "--foo").getMessage());
  }

  // ---- checks before linking ----

  private List<String> linkErrors(String... args) {
    LinkOptions o = WasmLdCommandLine.parse(Arrays.asList(args), dir);
    return assertThrows(CommandLineException.class, () -> WasmLdCommandLine.checkLinkable(o)).errors();
  }

  @Test
  void noInputFiles() {
    assertEquals(List.of("no input files"), linkErrors());
    assertEquals(List.of("no input files"), linkErrors("-o", "y.wasm"));
  }

  @Test
  void noOutputFile() {
    assertEquals(List.of("no output file specified"), linkErrors("x.o"));
  }

  @Test
  void combinationsLldRefusesBeforeLinking() {
    assertEquals(List.of("-shared and -pie may not be used together"),
        linkErrors("x.o", "-o", "y.wasm", "--shared", "--pie", "--experimental-pic"));
    assertEquals(List.of("--import-table and --export-table may not be used together"),
        linkErrors("x.o", "-o", "y.wasm", "--import-table", "--export-table"));
    assertEquals(List.of("-r and --gc-sections may not be used together"),
        linkErrors("x.o", "-o", "y.o", "-r", "--gc-sections"));
    assertEquals(List.of("entry point specified for relocatable output file"),
        linkErrors("x.o", "-o", "y.o", "-r", "-e", "main"));
    assertEquals(List.of("-r -and --undefined may not be used together"),
        linkErrors("x.o", "-o", "y.o", "-r", "-u", "foo"));
    assertEquals(List.of("-r and --shared-memory may not be used together"),
        linkErrors("x.o", "-o", "y.o", "-r", "--shared-memory"));
    assertEquals(List.of("--compress-relocations is incompatible with output debug information."
        + " Please pass --strip-debug or --strip-all"), linkErrors("x.o", "-o", "y.wasm", "--compress-relocations"));
    assertEquals(List.of("--global-base may not be used with -shared/-pie"),
        linkErrors("x.o", "-o", "y.wasm", "--pie", "--global-base=8", "--experimental-pic"));
    assertEquals(List.of("creating PIEs, with -pie, is not yet stable"),
        linkErrors("x.o", "-o", "y.wasm", "--pie", "--fatal-warnings"));
  }

  @Test
  void warningsBeforeLinking() {
    LinkOptions shared = WasmLdCommandLine.parse(List.of("x.o", "-o", "y.wasm", "--shared"), dir);
    assertEquals(List.of("creating shared libraries, with -shared, is not yet stable"),
        WasmLdCommandLine.checkLinkable(shared));

    LinkOptions bsymbolic = WasmLdCommandLine.parse(List.of("x.o", "-o", "y.wasm", "-Bsymbolic"), dir);
    assertEquals(List.of("-Bsymbolic is only meaningful when combined with -shared"),
        WasmLdCommandLine.checkLinkable(bsymbolic));

    LinkOptions dynamic =
        WasmLdCommandLine.parse(List.of("x.o", "-o", "y.wasm", "--unresolved-symbols=import-dynamic"), dir);
    assertEquals(List.of("dynamic imports are not yet stable (--unresolved-symbols=import-dynamic)"),
        WasmLdCommandLine.checkLinkable(dynamic));
  }
}
