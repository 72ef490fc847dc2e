package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Position-independent modules run: shared libraries and PIEs, linked by wasm-ld-19 and by wasmlink, are loaded by a
 * small loader under node ({@code pic/load.mjs}) at non-zero memory and table bases, which fills their
 * {@code GOT.mem}/{@code GOT.func} imports, calls {@code __wasm_apply_data_relocs} and the constructors, then reads
 * pointers in data, calls through table slots and calls exports. Byte identity with wasm-ld-19 is checked elsewhere
 * (the agreement cases); this checks that the module works where the loader puts it, with every base applied.
 */
class PositionIndependentRunTest {
  private static final Path SOURCES = LinkHarness.ROOT.resolve("tests/src/test/resources/agreement");
  private static final Path LOADER = LinkHarness.ROOT.resolve("tests/src/test/resources/pic/load.mjs");
  private static final Path DIRECTORY = LinkHarness.ROOT.resolve("tests/target/pic-run");

  private static final String LIBRARY = """
      counter after constructor 10
      greeting "hello"
      counter_address points at counter: true
      twice_address(21) = 42
      host_log(15)
      bump(5) = 115
      host_log(16)
      bump(1) with callback = 118
      slots from the table base: true
      """;

  // counter 3 + external_value 100, use_stack(3) = 6 (an array on the imported stack), twice(2) = 4.
  private static final String PROGRAM = """
      host_log(113)
      main() = 0
      """;

  // Two instances over one shared memory, as two threads: each gets its own tl (5 + 1 + 1, 5 + 10) in the block
  // __wasm_init_tls gave it, and its own tlp, stored by __wasm_apply_tls_relocs, points at shared_counter (100).
  private static final String THREADS = """
      main bump_tl(1) = 6
      worker bump_tl(10) = 15
      main bump_tl(1) = 7
      blocks where __wasm_init_tls put them: true
      main read_through() = 200
      worker read_through() = 200
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "shared | pic_library.c | library | -shared --experimental-pic --allow-undefined",
      "shared-bsymbolic | pic_library.c | library | -shared -Bsymbolic --experimental-pic --allow-undefined",
      "shared-no-gc | pic_library.c | library | -shared --experimental-pic --no-gc-sections --allow-undefined",
      "pie-export-dynamic | pic_library.c | library | -pie --experimental-pic --no-entry --export-dynamic"
          + " --allow-undefined",
      "pie | pic_program.c | program | -pie --experimental-pic --no-entry --export=main --allow-undefined",
      "shared-threads | pic_threads.c | threads | -shared --experimental-pic --shared-memory --max-memory=131072"
          + " --export=__wasm_init_tls --export=__tls_size",
      "pie-threads | pic_threads.c | threads | -pie --experimental-pic --import-memory --shared-memory"
          + " --max-memory=131072 --no-entry --export-dynamic --export=__wasm_init_tls --export=__tls_size"})
  void runsWhereTheLoaderPutsIt(String name, String source, String scenario, String flags) throws IOException {
    Path directory = Files.createDirectories(DIRECTORY.resolve(name));
    Path object = compile(directory, source);
    String expected = switch (scenario) {
      case "library" -> LIBRARY;
      case "threads" -> THREADS;
      default -> PROGRAM;
    };
    String reference = linkAndRun(Tools.require("wasm-ld-19", "lld-19"), directory.resolve("reference.wasm"),
        object, flags, scenario);
    assertEquals(expected, reference, "wasm-ld-19's module, as the loader ran it");
    String ours = linkAndRun(LinkHarness.ourLinker(), directory.resolve("ours.wasm"), object, flags, scenario);
    assertEquals(expected, ours, "wasmlink's module, as the loader ran it");
  }

  private static String linkAndRun(Path linker, Path output, Path object, String flags, String scenario) {
    List<String> arguments = new ArrayList<>(List.of(flags.split(" ")));
    arguments.addAll(List.of(object.toString(), "-o", output.toString()));
    link(linker, arguments);
    return load(scenario, output);
  }

  /** Runs the loader on {@code modules}, in that order, and returns what the scenario printed. */
  private static String load(String scenario, Path... modules) {
    List<String> command = new ArrayList<>(List.of(Tools.require("node", "nodejs").toString(), LOADER.toString(),
        scenario));
    for (Path module : modules) {
      command.add(module.toString());
    }
    Tools.Result run = Tools.run(command, null, Map.of(), Duration.ofMinutes(1));
    assertEquals(0, run.exitCode(), () -> String.join(" ", command) + "\n" + run.stdout() + run.stderr());
    return run.stdout();
  }

  /**
   * A library given to the link of a PIE that uses it ({@code main.o lib.so}): the PIE imports the library's
   * function, reads its data through {@code GOT.mem}, and holds a pointer to it in data; loaded after the library,
   * everything points into the library's own place. Each linker links both modules.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"reference", "ours"})
  void programUsesTheLibraryItWasLinkedAgainst(String which) throws IOException {
    Path directory = Files.createDirectories(DIRECTORY.resolve("uses-library-" + which));
    Path linker = which.equals("ours") ? LinkHarness.ourLinker() : Tools.require("wasm-ld-19", "lld-19");
    Path library = directory.resolve("library.so");
    Path program = directory.resolve("program.wasm");
    link(linker, List.of("-shared", "--experimental-pic", "--allow-undefined", compile(directory, "pic_library.c")
        .toString(), "-o", library.toString()));
    link(linker, List.of("-pie", "--experimental-pic", "--import-memory", "--no-entry", "--export-dynamic",
        compile(directory, "pic_uses_library.c").toString(), library.toString(), "-o", program.toString()));
    // bump(2): counter 10 + 2 (host_log(12)) + external_value 100; *where 12; get_twice()(5) 10.
    assertEquals("""
        host_log(12)
        run() = 134
        where points at the library's counter: true
        """, load("uses-library", library, program));
  }

  private static Path compile(Path directory, String source) {
    Path object = directory.resolve(source.replace(".c", ".o"));
    List<String> command = new ArrayList<>(List.of(Tools.require("clang-19", "clang-19").toString(),
        "--target=wasm32", "-O1", "-fPIC", "-fvisibility=default"));
    if (source.contains("threads")) {
      command.addAll(List.of("-matomics", "-mbulk-memory"));
    }
    command.addAll(List.of("-c", SOURCES.resolve(source).toString(), "-o", object.toString()));
    Tools.Result compile = Tools.run(command);
    assertEquals(0, compile.exitCode(), compile.stderr());
    return object;
  }

  private static void link(Path linker, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(linker.toString()));
    command.addAll(arguments);
    Tools.Result link = Tools.run(command, null, Map.of(), Duration.ofMinutes(1));
    assertEquals(0, link.exitCode(), () -> String.join(" ", command) + "\n" + link.stderr());
  }
}
