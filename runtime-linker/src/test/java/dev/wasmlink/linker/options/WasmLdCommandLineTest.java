package dev.wasmlink.linker.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every flag, in each spelling lld 19 accepts for it. */
class WasmLdCommandLineTest {

  @TempDir Path dir;

  private LinkOptions parse(String... args) {
    return WasmLdCommandLine.parse(Arrays.asList(args), dir);
  }

  // ---- defaults ----

  @Test
  void emptyCommandLineHasLldDefaults() {
    LinkOptions o = parse();

    assertEquals(List.of(), o.inputs());
    assertEquals(Path.of("a.out"), o.output());
    assertFalse(o.outputSpecified());
    assertEquals("_start", o.entry());
    assertFalse(o.noEntry());
    assertTrue(o.gcSections());
    assertTrue(o.mergeDataSegments());
    assertTrue(o.demangle());
    assertTrue(o.checkFeatures());
    assertFalse(o.noCheckFeatures());
    assertTrue(o.exportMemory());
    assertFalse(o.exportMemoryExplicit());
    assertEquals("memory", o.memoryExportName());
    assertFalse(o.importMemory());
    assertNull(o.memoryImportModule());
    assertFalse(o.exportDynamic());
    assertFalse(o.importTable());
    assertEquals(UnresolvedSymbols.REPORT_ALL, o.unresolvedSymbols());
    assertFalse(o.warnUnresolvedSymbols());
    assertEquals(1, o.optimization());
    assertEquals(2, o.ltoOptimization());
    assertEquals(65536, o.stackSize());
    assertNull(o.zStackSize());
    assertNull(o.stackFirst());
    assertNull(o.initialMemory());
    assertNull(o.maxMemory());
    assertNull(o.globalBase());
    assertNull(o.tableBase());
    assertEquals(1024, o.globalBaseOrDefault());
    assertEquals(1, o.tableBaseOrDefault());
    assertEquals(20, o.errorLimit());
    assertEquals("auto", o.colorDiagnosticsMode());
    assertFalse(o.colorDiagnostics());
    assertNull(o.threads());
    assertNull(o.machine());
    assertNull(o.flavor());
    assertFalse(o.featuresSpecified());
    assertEquals(List.of(), o.warnings());
    assertFalse(o.help());
    assertFalse(o.version());
    assertEquals(LinkOptions.builder().workingDirectory(dir).build(), o);
  }

  // ---- inputs ----

  @Test
  void inputsKeepCommandLineOrderWithWholeArchiveAndLibGroups() {
    LinkOptions o = parse("a.o", "-lc", "--whole-archive", "libw.a", "-l", "m", "--no-whole-archive", "b.o",
        "--start-lib", "c.o", "d.o", "--end-lib", "e.o", "-whole-archive", "-start-lib", "f.o", "-end-lib",
        "-no-whole-archive", "--library", "x", "--library=y", "-library=z");

    assertEquals(List.of(
        new FileInput(Path.of("a.o"), false, false),
        new LibraryInput("c", false),
        new FileInput(Path.of("libw.a"), true, false),
        new LibraryInput("m", true),
        new FileInput(Path.of("b.o"), false, false),
        new FileInput(Path.of("c.o"), false, true),
        new FileInput(Path.of("d.o"), false, true),
        new FileInput(Path.of("e.o"), false, false),
        new FileInput(Path.of("f.o"), true, true),
        new LibraryInput("x", false),
        new LibraryInput("y", false),
        new LibraryInput("z", false)), o.inputs());
    assertEquals(List.of(FileInput.of("a.o"), new FileInput(Path.of("libw.a"), true, false)),
        o.fileInputs().subList(0, 2));
  }

  @Test
  void dashAloneIsAnInputAndEmptyArgumentsAreSkipped() {
    assertEquals(List.of(FileInput.of("-"), FileInput.of("x.o")), parse("-", "", "x.o").inputs());
  }

  @Test
  void exactFileLibraries() {
    LibraryInput library = (LibraryInput) parse("-l:libfoo.a").inputs().get(0);

    assertEquals(":libfoo.a", library.name());
    assertTrue(library.exactFileName());
    assertEquals("-l:libfoo.a", library.spelling());
  }

  @Test
  void librarySearchPathsInAllSpellings() {
    LinkOptions o = parse("-L/a", "-L", "/b", "--library-path", "/c", "--library-path=/d", "-library-path", "e",
        "-library-path=f");

    assertEquals(List.of(Path.of("/a"), Path.of("/b"), Path.of("/c"), Path.of("/d"), Path.of("e"), Path.of("f")),
        o.librarySearchPaths());
  }

  @Test
  void findLibrarySearchesInOrder() throws IOException {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Files.writeString(second.resolve("libc.a"), "");
    Files.writeString(first.resolve("libm.a"), "");
    Files.writeString(second.resolve("libm.a"), "");
    Files.writeString(second.resolve("crt1.o"), "");
    Files.writeString(first.resolve("libdyn.so"), "");
    Files.writeString(second.resolve("libdyn.a"), "");

    LinkOptions o = parse("-L" + first, "-L", second.toString(), "-lc", "-lm");

    assertEquals(second.resolve("libc.a"), o.findLibrary("c").orElseThrow());
    assertEquals(first.resolve("libm.a"), o.findLibrary("m").orElseThrow());
    assertEquals(second.resolve("crt1.o"), o.findLibrary(":crt1.o").orElseThrow());
    assertTrue(o.findLibrary("nothere").isEmpty());
    assertTrue(o.findLibrary(":libc.so").isEmpty());
    assertEquals(second.resolve("libdyn.a"), o.findLibrary("dyn").orElseThrow());
    assertEquals(first.resolve("libdyn.so"), o.findLibrary("dyn", true).orElseThrow());
  }

  @Test
  void bstaticAndBdynamicAreRecorded() {
    assertNull(parse().linkStatic());
    assertEquals(Boolean.TRUE, parse("-Bdynamic", "--Bstatic").linkStatic());
    assertEquals(Boolean.FALSE, parse("-static", "-Bdynamic").linkStatic());
    assertEquals(Boolean.TRUE, parse("--dn").linkStatic());
    assertEquals(Boolean.TRUE, parse("-non_shared").linkStatic());
    assertEquals(Boolean.FALSE, parse("--dy").linkStatic());
    assertEquals(Boolean.FALSE, parse("-call_shared").linkStatic());
  }

  @Test
  void eachLibraryKeepsTheBdynamicInEffectWhereItIsNamed() {
    // A static link starts with -Bstatic, a position-independent one with -Bdynamic; each toggles from where it is.
    assertEquals(List.of(false, true, false), searchShared("-la", "-Bdynamic", "-lb", "-Bstatic", "-lc"));
    assertEquals(List.of(true, false, true), searchShared("-pie", "-la", "-Bstatic", "-lb", "-dy", "-lc"));
    assertEquals(List.of(true, false), searchShared("-shared", "-la", "-static", "-lb", "-Bdynamic"));
    assertEquals(List.of(true), searchShared("-pie", "-Bstatic", "-call_shared", "-la"));
    // A relocatable output takes archives only.
    assertEquals(List.of(false, false), searchShared("-r", "-la", "-Bdynamic", "-lb"));
  }

  private List<Boolean> searchShared(String... arguments) {
    return parse(arguments).inputs().stream().map(input -> ((LibraryInput) input).searchShared()).toList();
  }

  // ---- output, target, flavour ----

  @ParameterizedTest
  @MethodSource("outputSpellings")
  void outputSpellings(List<String> args) {
    LinkOptions o = WasmLdCommandLine.parse(args, dir);

    assertEquals(Path.of("out.wasm"), o.output());
    assertTrue(o.outputSpecified());
  }

  static Stream<List<String>> outputSpellings() {
    return Stream.of(List.of("-o", "out.wasm"), List.of("-oout.wasm"), List.of("-o", "x", "-o", "out.wasm"));
  }

  @Test
  void outputValueMayLookLikeAnOption() {
    assertEquals(Path.of("--weird"), parse("-o", "--weird").output());
  }

  @Test
  void machine() {
    assertEquals("wasm32", parse("-m", "wasm32").machine());
    assertEquals("wasm64", parse("-mwasm64").machine());
  }

  @Test
  void flavorIsTakenFromTheFront() {
    LinkOptions o = parse("-flavor", "wasm", "x.o", "-o", "x.wasm");

    assertEquals("wasm", o.flavor());
    assertEquals(List.of(FileInput.of("x.o")), o.inputs());
    assertEquals("wasm", parse("-flavor=wasm", "x.o").flavor());
    assertEquals("wasm", parse("-flavor", "ld-wasm").flavor());
    assertEquals("wasm", parse("-flavor", "WASM").flavor());
  }

  @Test
  void outputKinds() {
    assertTrue(parse("-r").relocatable());
    assertTrue(parse("--relocatable").relocatable());
    assertTrue(parse("-relocatable").relocatable());
    assertTrue(parse("--shared").shared());
    assertTrue(parse("-shared").shared());
    assertTrue(parse("-pie").pie());
    assertTrue(parse("--pie").pie());
    assertFalse(parse("--pie", "--no-pie").pie());
    assertFalse(parse("-pie", "-no-pie").pie());
    assertTrue(parse("--experimental-pic").experimentalPic());
    assertEquals("libx", parse("--soname", "libx").soname());
    assertEquals("liby", parse("-soname=liby").soname());
    assertTrue(parse("-Bsymbolic").bsymbolic());
    assertTrue(parse("--Bsymbolic").bsymbolic());
  }

  @Test
  void buildId() {
    assertNull(parse().buildId());
    assertEquals("fast", parse("--build-id").buildId());
    assertEquals("fast", parse("-build-id=fast").buildId());
    assertEquals("sha1", parse("--build-id=tree").buildId());
    assertEquals("uuid", parse("--build-id=uuid").buildId());
    assertEquals("0xabcd", parse("--build-id=0xabcd").buildId());
    assertNull(parse("--build-id", "--build-id=none").buildId());
  }

  // ---- entry ----

  @ParameterizedTest
  @ValueSource(strings = {"--entry main", "-entry main", "--entry=main", "-entry=main", "-e main", "-emain"})
  void entrySpellings(String line) {
    LinkOptions o = WasmLdCommandLine.parse(List.of(line.split(" ")), dir);

    assertEquals("main", o.entry());
    assertFalse(o.noEntry());
  }

  @Test
  void lastOfEntryAndNoEntryWins() {
    LinkOptions none = parse("--entry", "main", "--no-entry");
    assertNull(none.entry());
    assertTrue(none.noEntry());

    LinkOptions some = parse("--no-entry", "-e", "main");
    assertEquals("main", some.entry());
    assertFalse(some.noEntry());
  }

  @Test
  void entryDefaultsFollowLld() {
    assertEquals("_start", parse().entry());
    assertEquals("__wasm_call_ctors", parse("--shared").entry());
    assertNull(parse("-r").entry());
    assertNull(parse("--entry=").entry());
  }

  @Test
  void singleDashSpellingOfADoubleDashOnlyFlagIsMinusE() {
    // lld 19 reads -export-table as -e xport-table; so does this parser.
    LinkOptions o = parse("-export-table");

    assertEquals("xport-table", o.entry());
    assertFalse(o.exportTable());
  }

  // ---- exports ----

  @ParameterizedTest
  @ValueSource(strings = {"--export foo", "-export foo", "--export=foo", "-export=foo"})
  void exportSpellings(String line) {
    assertEquals(List.of("foo"), WasmLdCommandLine.parse(List.of(line.split(" ")), dir).exports());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--export-if-defined foo", "-export-if-defined foo", "--export-if-defined=foo",
      "-export-if-defined=foo"})
  void exportIfDefinedSpellings(String line) {
    assertEquals(List.of("foo"), WasmLdCommandLine.parse(List.of(line.split(" ")), dir).exportsIfDefined());
  }

  @Test
  void exportsKeepOrderOnce() {
    LinkOptions o = parse("--export=b", "--export", "a", "--export=b", "--export-if-defined=c");

    assertEquals(List.of("b", "a"), o.exports());
    assertEquals(List.of("c"), o.exportsIfDefined());
  }

  @Test
  void exportFlags() {
    assertTrue(parse("--export-all").exportAll());
    assertTrue(parse("--export-table").exportTable());
    assertTrue(parse("--growable-table").growableTable());
    assertTrue(parse("--export-dynamic").exportDynamic());
    assertTrue(parse("-export-dynamic").exportDynamic());
    assertTrue(parse("-E").exportDynamic());
    assertFalse(parse("-E", "--no-export-dynamic").exportDynamic());
    assertTrue(parse("--shared").exportDynamic());
    assertFalse(parse("--shared", "-no-export-dynamic").exportDynamic());
  }

  @Test
  void importTable() {
    LinkOptions explicit = parse("--import-table");
    assertTrue(explicit.importTable());
    assertTrue(explicit.importTableExplicit());

    LinkOptions implied = parse("--pie");
    assertTrue(implied.importTable());
    assertFalse(implied.importTableExplicit());
    assertTrue(parse("-r").importTable());
    assertTrue(parse("-shared").importTable());
  }

  // ---- memory import and export ----

  @Test
  void importMemoryTurnsTheDefaultExportOff() {
    LinkOptions o = parse("--import-memory");

    assertTrue(o.importMemory());
    assertTrue(o.importMemoryExplicit());
    assertEquals("env", o.memoryImportModule());
    assertEquals("memory", o.memoryImportName());
    assertFalse(o.exportMemory());
    assertFalse(o.exportMemoryExplicit());
    assertNull(o.memoryExportName());
  }

  @Test
  void importMemoryWithModuleAndName() {
    LinkOptions o = parse("--import-memory=js,mem");
    assertEquals("js", o.memoryImportModule());
    assertEquals("mem", o.memoryImportName());

    LinkOptions noComma = parse("--import-memory=js");
    assertEquals("js", noComma.memoryImportModule());
    assertEquals("", noComma.memoryImportName());

    LinkOptions twoCommas = parse("--import-memory=a,b,c");
    assertEquals("a", twoCommas.memoryImportModule());
    assertEquals("b,c", twoCommas.memoryImportName());
  }

  @Test
  void namedImportMemoryWinsOverThePlainFlagWhereverItStands() {
    LinkOptions o = parse("--import-memory=js,mem", "--import-memory");

    assertEquals("js", o.memoryImportModule());
    assertEquals("mem", o.memoryImportName());
  }

  @Test
  void explicitExportMemoryWithImportMemory() {
    LinkOptions o = parse("--import-memory", "--export-memory");

    assertTrue(o.importMemory());
    assertTrue(o.exportMemory());
    assertTrue(o.exportMemoryExplicit());
    assertEquals("memory", o.memoryExportName());
  }

  @Test
  void exportMemoryWithName() {
    LinkOptions o = parse("--export-memory=mem");

    assertTrue(o.exportMemory());
    assertTrue(o.exportMemoryExplicit());
    assertEquals("mem", o.memoryExportName());
    assertEquals("mem", parse("--export-memory=mem", "--export-memory").memoryExportName());
  }

  @Test
  void sharedImportsMemory() {
    LinkOptions o = parse("--shared");

    assertTrue(o.importMemory());
    assertFalse(o.importMemoryExplicit());
    assertEquals("env", o.memoryImportModule());
    assertFalse(o.exportMemory());
  }

  @Test
  void sharedMemory() {
    assertTrue(parse("--shared-memory").sharedMemory());
    assertFalse(parse().sharedMemory());
  }

  // ---- undefined symbols ----

  @Test
  void allowUndefinedIsIgnoreAllPlusImportUndefined() {
    LinkOptions o = parse("--allow-undefined");

    assertTrue(o.allowUndefined());
    assertTrue(o.importUndefined());
    assertEquals(UnresolvedSymbols.IGNORE_ALL, o.unresolvedSymbols());
    assertEquals(UnresolvedSymbols.IGNORE_ALL,
        parse("--allow-undefined", "--unresolved-symbols=report-all").unresolvedSymbols());
    assertTrue(parse("-allow-undefined").allowUndefined());
  }

  @Test
  void importUndefinedAlone() {
    LinkOptions o = parse("--import-undefined");

    assertTrue(o.importUndefined());
    assertFalse(o.allowUndefined());
    assertEquals(UnresolvedSymbols.REPORT_ALL, o.unresolvedSymbols());
  }

  @ParameterizedTest
  @MethodSource("unresolvedSpellings")
  void unresolvedSymbols(List<String> args, UnresolvedSymbols expected) {
    assertEquals(expected, WasmLdCommandLine.parse(args, dir).unresolvedSymbols());
  }

  static Stream<Arguments> unresolvedSpellings() {
    return Stream.of(
        Arguments.of(List.of("--unresolved-symbols=report-all"), UnresolvedSymbols.REPORT_ALL),
        Arguments.of(List.of("--unresolved-symbols=ignore-all"), UnresolvedSymbols.IGNORE_ALL),
        Arguments.of(List.of("--unresolved-symbols", "import-dynamic"), UnresolvedSymbols.IMPORT_DYNAMIC),
        Arguments.of(List.of("-unresolved-symbols=ignore-all"), UnresolvedSymbols.IGNORE_ALL),
        Arguments.of(List.of("-unresolved-symbols", "ignore-all", "--unresolved-symbols=report-all"),
            UnresolvedSymbols.REPORT_ALL));
  }

  @Test
  void warnAndErrorUnresolvedSymbols() {
    assertTrue(parse("--warn-unresolved-symbols").warnUnresolvedSymbols());
    assertFalse(parse("--warn-unresolved-symbols", "--error-unresolved-symbols").warnUnresolvedSymbols());
    assertTrue(parse("-error-unresolved-symbols", "-warn-unresolved-symbols").warnUnresolvedSymbols());
  }

  @Test
  void allowUndefinedFilesAreReadAtParseTime() throws IOException {
    Files.writeString(dir.resolve("syms.txt"), "# syscalls\nfd_write\n  proc_exit  \n\n\r\nfd_write\n");
    Files.writeString(dir.resolve("more.txt"), "args_get");

    LinkOptions o = parse("--allow-undefined-file=syms.txt", "-allow-undefined-file", "more.txt");

    assertEquals(List.of(Path.of("syms.txt"), Path.of("more.txt")), o.allowUndefinedFiles());
    assertEquals(Set.of("fd_write", "proc_exit", "args_get"), o.allowedUndefinedSymbols());
    assertEquals(List.of("fd_write", "proc_exit", "args_get"), List.copyOf(o.allowedUndefinedSymbols()));
    assertEquals(List.of(Path.of("syms.txt")), parse("-allow-undefined-file=syms.txt").allowUndefinedFiles());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-u sym", "-usym", "--undefined sym", "--undefined=sym", "-undefined sym",
      "-undefined=sym"})
  void requiredSymbolSpellings(String line) {
    assertEquals(List.of("sym"), WasmLdCommandLine.parse(List.of(line.split(" ")), dir).requiredSymbols());
  }

  @Test
  void wrap() {
    assertEquals(List.of("malloc", "free"), parse("--wrap=malloc", "-wrap", "free").wrapSymbols());
  }

  // ---- memory layout ----

  @Test
  void memoryNumbers() {
    LinkOptions o = parse("--initial-memory=131072", "--max-memory=2147483648", "--global-base=4096",
        "--table-base=10", "--initial-heap=65536");

    assertEquals(131072L, o.initialMemory());
    assertEquals(2147483648L, o.maxMemory());
    assertEquals(4096L, o.globalBase());
    assertEquals(4096L, o.globalBaseOrDefault());
    assertEquals(10L, o.tableBase());
    assertEquals(10L, o.tableBaseOrDefault());
    assertEquals(65536L, o.initialHeap());
    assertFalse(o.noGrowableMemory());
    assertTrue(parse("--initial-memory=65536", "--no-growable-memory").noGrowableMemory());
  }

  @Test
  void negativeNumbersAreTakenAsLldTakesThem() {
    assertEquals(-1L, parse("--global-base=-1").globalBase());
  }

  @Test
  void stackFirst() {
    assertEquals(Boolean.TRUE, parse("--stack-first").stackFirst());
    assertEquals(Boolean.FALSE, parse("--stack-first", "--no-stack-first").stackFirst());
    assertEquals(0, parse("--stack-first").globalBaseOrDefault());
    assertTrue(parse("--stack-first").stackFirstEffective());
    assertFalse(parse().stackFirstEffective());
  }

  @ParameterizedTest
  @MethodSource("stackSizes")
  void stackSize(List<String> args, long expected) {
    LinkOptions o = WasmLdCommandLine.parse(args, dir);

    assertEquals(expected, o.zStackSize());
    assertEquals(expected, o.stackSize());
  }

  static Stream<Arguments> stackSizes() {
    return Stream.of(
        Arguments.of(List.of("-z", "stack-size=1048576"), 1048576L),
        Arguments.of(List.of("-zstack-size=1048576"), 1048576L),
        Arguments.of(List.of("-z", "stack-size=0x100000"), 0x100000L),
        Arguments.of(List.of("-z", "stack-size=0X10"), 16L),
        Arguments.of(List.of("-z", "stack-size=0b10000"), 16L),
        Arguments.of(List.of("-z", "stack-size=0o20"), 16L),
        Arguments.of(List.of("-z", "stack-size=020"), 16L),
        Arguments.of(List.of("-z", "stack-size=1", "-z", "stack-size=32"), 32L));
  }

  @Test
  void zKeywordsAreKeptAndUnknownOnesWarned() {
    LinkOptions o = parse("-z", "stack-size=16", "-znow", "-z", "muldefs");

    assertEquals(List.of("stack-size=16", "now", "muldefs"), o.zOptions());
    assertEquals(List.of("unknown -z value: now", "unknown -z value: muldefs"), o.warnings());
  }

  @Test
  void pieHasNoBases() {
    LinkOptions o = parse("--pie");

    assertEquals(0, o.globalBaseOrDefault());
    assertEquals(0, o.tableBaseOrDefault());
    assertTrue(o.isPic());
    assertEquals(0, parse("-r").globalBaseOrDefault());
  }

  // ---- sections ----

  @Test
  void gcSections() {
    assertTrue(parse().gcSections());
    assertFalse(parse("--no-gc-sections").gcSections());
    assertFalse(parse("-no-gc-sections").gcSections());
    assertTrue(parse("--no-gc-sections", "-gc-sections").gcSections());
    assertFalse(parse("-r").gcSections());
    assertTrue(parse("-r", "--gc-sections").gcSections());
    assertTrue(parse("--print-gc-sections").printGcSections());
    assertTrue(parse("-print-gc-sections").printGcSections());
    assertFalse(parse("--print-gc-sections", "--no-print-gc-sections").printGcSections());
  }

  @Test
  void strip() {
    assertTrue(parse("--strip-all").stripAll());
    assertTrue(parse("-strip-all").stripAll());
    assertTrue(parse("-s").stripAll());
    assertTrue(parse("--strip-debug").stripDebug());
    assertTrue(parse("-strip-debug").stripDebug());
    assertTrue(parse("-S").stripDebug());
    assertFalse(parse("-S").stripAll());
  }

  @Test
  void keepSectionInAllSpellings() {
    LinkOptions o = parse("--keep-section=target_features", "--keep-section", "producers", "-keep-section=name",
        "-keep-section", "foo", "--keep-section=target_features");

    assertEquals(List.of("target_features", "producers", "name", "foo"), o.keepSections());
  }

  @Test
  void dataSegmentsAndRelocations() {
    assertFalse(parse("--no-merge-data-segments").mergeDataSegments());
    assertFalse(parse("-r").mergeDataSegments());
    assertTrue(parse("-r", "--merge-data-segments").mergeDataSegments());
    assertTrue(parse("--emit-relocs").emitRelocs());
    assertTrue(parse("-emit-relocs").emitRelocs());
    assertTrue(parse("--compress-relocations").compressRelocations());
  }

  // ---- features ----

  @Test
  void features() {
    LinkOptions o = parse("--features=atomics,bulk-memory", "--no-check-features");

    assertEquals(List.of("atomics", "bulk-memory"), o.features());
    assertTrue(o.featuresSpecified());
    assertTrue(o.noCheckFeatures());
    assertFalse(o.checkFeatures());
    assertEquals(List.of("c"), parse("-features=a,b", "--features=,c,").features());
    LinkOptions empty = parse("--features=");
    assertEquals(List.of(), empty.features());
    assertTrue(empty.featuresSpecified());
    assertEquals(List.of("simd128"), parse("--extra-features=simd128").extraFeatures());
    assertTrue(parse("--no-check-features", "--check-features").checkFeatures());
    assertFalse(parse("--no-shlib-sigcheck").shlibSigcheck());
  }

  // ---- diagnostics and reports ----

  @Test
  void demangleAndWarnings() {
    assertFalse(parse("--no-demangle").demangle());
    assertFalse(parse("-no-demangle").demangle());
    assertTrue(parse("--no-demangle", "--demangle").demangle());
    assertTrue(parse("--fatal-warnings").fatalWarnings());
    assertTrue(parse("-fatal-warnings").fatalWarnings());
    assertFalse(parse("--fatal-warnings", "--no-fatal-warnings").fatalWarnings());
    assertEquals(5, parse("--error-limit=5").errorLimit());
    assertEquals(0, parse("--error-limit", "0").errorLimit());
    assertTrue(parse("--verbose").verbose());
    assertTrue(parse("-verbose").verbose());
  }

  @Test
  void colorDiagnosticsIsAccepted() {
    assertEquals("always", parse("--color-diagnostics").colorDiagnosticsMode());
    assertTrue(parse("-color-diagnostics").colorDiagnostics());
    assertEquals("never", parse("--color-diagnostics", "--no-color-diagnostics").colorDiagnosticsMode());
    assertEquals("auto", parse("--color-diagnostics=auto").colorDiagnosticsMode());
    assertEquals("never", parse("-color-diagnostics=never").colorDiagnosticsMode());
  }

  @Test
  void trace() {
    assertTrue(parse("--trace").trace());
    assertTrue(parse("-trace").trace());
    assertTrue(parse("-t").trace());
    assertEquals(List.of("a", "b", "c", "d", "e"),
        parse("--trace-symbol=a", "--trace-symbol", "b", "-y", "c", "-yd", "-trace-symbol=e").traceSymbols());
  }

  @Test
  void maps() {
    assertEquals(Path.of("out.map"), parse("-Map", "out.map").mapFile());
    assertEquals(Path.of("out.map"), parse("-Map=out.map").mapFile());
    assertEquals(Path.of("out.map"), parse("--Map", "out.map").mapFile());
    assertEquals(Path.of("out.map"), parse("--Map=out.map").mapFile());
    assertTrue(parse("--print-map").printMap());
    assertTrue(parse("-print-map").printMap());
    assertTrue(parse("-M").printMap());
    assertFalse(parse("-Map=x").printMap());
  }

  @Test
  void whyExtract() {
    assertEquals(Path.of("-"), parse("--why-extract=-").whyExtract());
    assertEquals(Path.of("why.txt"), parse("--why-extract=why.txt").whyExtract());
    assertNull(parse().whyExtract());
  }

  @Test
  void reproduce() {
    assertEquals("r.tar", parse("--reproduce", "r.tar").reproduce());
    assertEquals("r.tar", parse("--reproduce=r.tar").reproduce());
  }

  @Test
  void versionAndHelp() {
    LinkOptions version = parse("--version");
    assertTrue(version.version());
    assertTrue(version.exitAfterVersion());
    assertTrue(parse("-version").version());

    LinkOptions v = parse("-v");
    assertTrue(v.version());
    assertTrue(v.exitAfterVersion());

    // wasm-ld 19 prints the version and exits for -v even with inputs (checked against wasm-ld-19 by the agreement
    // cases).
    LinkOptions vWithInput = parse("-v", "x.o");
    assertTrue(vWithInput.version());
    assertTrue(vWithInput.exitAfterVersion());

    assertTrue(parse("--help").help());
    assertTrue(parse("-help").help());
  }

  @Test
  void helpSkipsValueChecksAsLldDoes() {
    LinkOptions o = parse("--help", "--initial-memory=abc", "-m", "wasm99");

    assertTrue(o.help());
  }

  // ---- optimisation and friends ----

  @ParameterizedTest
  @MethodSource("optimizationLevels")
  void optimization(List<String> args, int expected) {
    assertEquals(expected, WasmLdCommandLine.parse(args, dir).optimization());
  }

  static Stream<Arguments> optimizationLevels() {
    return Stream.of(
        Arguments.of(List.of("-O0"), 0),
        Arguments.of(List.of("-O1"), 1),
        Arguments.of(List.of("-O2"), 2),
        Arguments.of(List.of("-O3"), 3),
        Arguments.of(List.of("-O", "2"), 2),
        Arguments.of(List.of("-O3", "-O0"), 0),
        Arguments.of(List.of("-O4"), 4));
  }

  @Test
  void mllvmIsAcceptedAndKept() {
    LinkOptions o = parse("-mllvm", "-combiner-global-alias-analysis=false", "--mllvm", "-a", "-mllvm=-b",
        "--mllvm=-c");

    assertEquals(List.of("-combiner-global-alias-analysis=false", "-a", "-b", "-c"), o.mllvm());
  }

  @Test
  void lto() {
    LinkOptions o = parse("--lto-O3", "--lto-CGO1", "--lto-partitions=4", "--lto-debug-pass-manager",
        "--disable-verify", "-save-temps", "--thinlto-cache-dir=c", "--thinlto-cache-policy=p", "--thinlto-jobs=2");

    assertEquals(3, o.ltoOptimization());
    assertEquals(1, o.ltoCodegenOptimization());
    assertEquals(4, o.ltoPartitions());
    assertTrue(o.ltoDebugPassManager());
    assertTrue(o.disableVerify());
    assertTrue(o.saveTemps());
    assertEquals("c", o.thinLtoCacheDir());
    assertEquals("p", o.thinLtoCachePolicy());
    assertEquals("2", o.thinLtoJobs());
  }

  @Test
  void threads() {
    assertEquals(4, parse("--threads=4").threads());
    assertEquals(4, parse("--threads", "4").threads());
    assertEquals(1, parse("-threads=1").threads());
    assertEquals(8, parse("-threads", "8").threads());
    assertEquals("4", parse("--threads=4").thinLtoJobs());
  }

  @Test
  void everyListedFlagOfTheIssueIsAccepted() {
    // The flags the linker's issue lists, each in one of its spellings, all at once.
    LinkOptions o = parse("a.o", "lib.a", "--whole-archive", "w.a", "--no-whole-archive", "--start-lib", "l.o",
        "--end-lib", "-lc", "-L/lib", "-o", "out.wasm", "-m", "wasm32", "--entry", "main", "-e", "main",
        "--no-entry", "--export", "e1", "--export-if-defined", "e2", "--export-all", "--export-dynamic",
        "--export-table", "--growable-table", "--import-memory", "--export-memory", "--import-undefined",
        "--allow-undefined", "--unresolved-symbols=ignore-all", "-u", "req", "--initial-memory=65536",
        "--max-memory=131072", "--global-base=2048", "--table-base=2", "--stack-first", "--no-stack-first",
        "-z", "stack-size=4096", "--gc-sections", "--no-gc-sections", "--print-gc-sections", "--strip-all", "-s",
        "--strip-debug", "-S", "--keep-section=k", "--no-demangle", "--demangle", "--fatal-warnings", "-O2",
        "-mllvm", "-x", "-Map", "m.map", "--print-map", "--trace", "-y", "sym", "--why-extract=-",
        "--shared-memory", "--import-table", "--no-check-features", "--features=atomics", "--threads=2",
        "--color-diagnostics", "--verbose", "--emit-relocs", "--version", "--help");

    assertEquals(5, o.inputs().size());
    assertTrue(o.help());
    assertTrue(o.version());

    LinkOptions linking = parse("a.o", "--whole-archive", "w.a", "--no-whole-archive", "--start-lib", "l.o",
        "--end-lib", "-lc", "-L/lib", "-o", "out.wasm", "-m", "wasm32", "--no-entry", "--export=e1",
        "--export-if-defined=e2", "--export-all", "--export-dynamic", "--growable-table", "--import-memory",
        "--export-memory=mem", "--allow-undefined", "-u", "req", "--initial-memory=65536", "--max-memory=131072",
        "--global-base=2048", "--table-base=2", "--stack-first", "-z", "stack-size=4096", "--no-gc-sections",
        "--print-gc-sections", "-s", "-S", "--keep-section=k", "--no-demangle", "--fatal-warnings", "-O", "3",
        "-mllvm", "-x", "-Map=m.map", "-M", "-t", "-ysym", "--why-extract=why.txt", "--shared-memory",
        "--import-table", "--no-check-features", "--features=atomics,bulk-memory", "--threads=2",
        "--color-diagnostics=never", "--verbose", "--emit-relocs");

    assertEquals(4, linking.inputs().size());
    assertEquals(Path.of("out.wasm"), linking.output());
    assertEquals("mem", linking.memoryExportName());
    assertEquals(List.of("req"), linking.requiredSymbols());
    assertEquals(3, linking.optimization());
    assertEquals(4096L, linking.stackSize());
    assertEquals(List.of("sym"), linking.traceSymbols());
    assertEquals(List.of(), WasmLdCommandLine.checkLinkable(linking));
  }

  // ---- the model round-trips through its builder ----

  @Test
  void toBuilderRebuildsTheSameOptions() {
    for (List<String> args : List.<List<String>>of(
        List.of(),
        List.of("-r", "--entry=", "x.o"),
        List.of("--shared", "--entry=", "--export-dynamic"),
        List.of("--no-entry", "--import-memory=a,b", "--export-memory=m", "-lc", "--whole-archive", "y.a"),
        List.of("--entry=main", "--allow-undefined", "--features=", "-z", "stack-size=16", "-z", "foo"))) {
      LinkOptions o = WasmLdCommandLine.parse(args, dir);

      assertEquals(o, o.toBuilder().build(), args.toString());
    }
  }
}
