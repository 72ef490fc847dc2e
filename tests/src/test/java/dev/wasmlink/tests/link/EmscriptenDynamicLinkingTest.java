package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.EmscriptenBuild.Linker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * emscripten's dynamic linking with wasmlink as emcc's linker: a side module ({@code -sSIDE_MODULE=1},
 * {@code -shared}) loaded by a main module ({@code -sMAIN_MODULE}, {@code -pie}), both linked by the same linker,
 * run under node. Each program prints what its {@code .expected} file holds, with wasmlink and with emcc's own
 * wasm-ld-14, and both print the same: data and pointers in data across modules, function pointers both ways, weak
 * definitions and references, a C++ class hierarchy with vtables, and thread-locals in a threaded side module.
 *
 * <p>emcc 3.1.6 calls its linker {@code wasm-ld-14} and its loader relies on wasm-ld 14's conventions
 * ({@code LoaderConventions}); run under that name, wasmlink follows them. One program, ordinary data with pointers in
 * a threaded side module, prints a wrong value with emcc's own wasm-ld-14 (it applies the data relocations in
 * {@code __wasm_init_memory}, before the loader has filled the module's own {@code GOT.mem} imports): that one is
 * checked against its expected output alone.
 */
class EmscriptenDynamicLinkingTest {
  private static final Path SOURCES = EmscriptenBuild.SOURCES.resolve("dylink");
  private static final Path BUILD = EmscriptenBuild.BUILD.resolve("dylink");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> THREADED_MAIN = List.of("-pthread", "-sPROXY_TO_PTHREAD", "-sEXIT_RUNTIME",
      "-sPTHREAD_POOL_SIZE=4");

  /** A side module and the main module that loads it; {@code comparedWithEmcc} false where emcc's own link errs. */
  record Program(String name, String extension, boolean threaded, String mainModule, boolean comparedWithEmcc) {
    @Override
    public String toString() {
      return name + " (MAIN_MODULE=" + mainModule + ")";
    }
  }

  static Stream<Arguments> programs() {
    return Stream.of(
        new Program("data", "c", false, "2", true),
        new Program("data", "c", false, "1", true),
        new Program("pointers", "c", false, "2", true),
        new Program("weak", "c", false, "2", true),
        new Program("shapes", "cpp", false, "2", true),
        new Program("threads", "c", true, "2", true),
        new Program("threads_data", "c", true, "2", false)).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void sideModuleAndMainModuleRunAsWithEmccsOwnLinker(Program program) throws IOException {
    String expected = Files.readString(SOURCES.resolve(program.name() + ".expected"));
    String ours = buildAndRun(program, Linker.OURS);
    assertEquals(expected, ours, program + " linked by wasmlink");
    if (program.comparedWithEmcc()) {
      assertEquals(ours, buildAndRun(program, Linker.REFERENCE), program + ": emcc's own link prints otherwise");
    }
  }

  private static String buildAndRun(Program program, Linker linker) throws IOException {
    Tools.require("emcc", "emscripten");
    Tools.require("node", "nodejs");
    Path directory = BUILD.resolve(program.name() + "-main" + program.mainModule() + "-" + linker.directory);
    LinkHarness.deleteRecursively(directory);
    Files.createDirectories(directory);
    String compiler = program.extension().equals("cpp") ? "em++" : "emcc";
    List<String> threads = program.threaded() ? List.of("-pthread") : List.of();

    List<String> side = new ArrayList<>(List.of(compiler, "-O0", "-sSIDE_MODULE=1",
        SOURCES.resolve(program.name() + "_side." + program.extension()).toString()));
    side.addAll(threads);
    side.addAll(List.of("-o", "side.wasm"));
    run(side, directory, linker, program);

    List<String> main = new ArrayList<>(List.of(compiler, "-O0", "-sMAIN_MODULE=" + program.mainModule(),
        SOURCES.resolve(program.name() + "_main." + program.extension()).toString(), "side.wasm"));
    if (program.threaded()) {
      main.addAll(THREADED_MAIN);
    }
    main.addAll(List.of("-o", "main.js"));
    run(main, directory, linker, program);

    Tools.Result execution = Tools.run(List.of("node", "--no-experimental-fetch", "main.js"), directory, Map.of(),
        Duration.ofMinutes(1));
    assertEquals(0, execution.exitCode(), () -> program + " linked with " + linker.description + " exited "
        + execution.exitCode() + "\nstdout:\n" + execution.stdout() + "stderr:\n" + execution.stderr());
    return execution.stdout();
  }

  private static void run(List<String> command, Path directory, Linker linker, Program program) throws IOException {
    Map<String, String> environment = linker == Linker.OURS
        ? Map.of("EMCC_SKIP_SANITY_CHECK", "1", "EM_LLVM_ROOT", EmscriptenBuild.llvmRootWithOurLinker().toString())
        : Map.of("EMCC_SKIP_SANITY_CHECK", "1");
    Tools.Result result = Tools.run(command, directory, environment, TIMEOUT);
    assertEquals(0, result.exitCode(), () -> program + ": " + String.join(" ", command) + " failed, linking with "
        + linker.description + ":\n" + result.stdout() + result.stderr());
  }
}
