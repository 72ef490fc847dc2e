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
import java.util.stream.Stream;

/**
 * Builds a program of {@code tests/src/test/resources/emscripten} with emcc or em++ (emscripten 3.1.6) and runs it
 * under node, either with emcc's own wasm-ld-14 or with wasmlink's {@code bin/wasm-ld} in its place. wasmlink is
 * swapped in through {@code EM_LLVM_ROOT}: a folder of links to every {@code /usr/bin/*-14} LLVM tool in which
 * {@code wasm-ld-14} is ours.
 */
final class EmscriptenBuild {
  static final Path SOURCES = LinkHarness.ROOT.resolve("tests/src/test/resources/emscripten");
  static final Path BUILD = LinkHarness.ROOT.resolve("tests/target/emscripten");

  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

  /** Which linker emcc runs. */
  enum Linker {
    /** emcc's own {@code /usr/bin/wasm-ld-14}. */
    REFERENCE("reference", "emcc's wasm-ld-14"),
    /** wasmlink's {@code bin/wasm-ld}, as {@code wasm-ld-14} in {@code EM_LLVM_ROOT}. */
    OURS("ours", "wasmlink");

    final String directory;
    final String description;

    Linker(String directory, String description) {
      this.directory = directory;
      this.description = description;
    }
  }

  /** A built and run program: the linked module and what node printed. */
  record Outcome(Path module, String stdout) {}

  private static Path ourLlvmRoot;

  private EmscriptenBuild() {}

  /**
   * Builds {@code source} (C with emcc and {@code -std=gnu11}, which {@code EM_ASM} needs, C++ with em++ and
   * {@code -std=c++17}, at {@code -O0},
   * with {@code flags} after the source), links it with {@code linker}, runs it with
   * {@code node --no-experimental-fetch}, requires exit status 0, and returns what it printed.
   */
  static Outcome buildAndRun(String source, List<String> flags, Linker linker) throws IOException {
    Tools.require("emcc", "emscripten");
    Tools.require("node", "nodejs");
    boolean cpp = source.endsWith(".cpp");
    String compiler = cpp ? "em++" : "emcc";
    Path directory = Files.createDirectories(BUILD.resolve(linker.directory));
    // threads.c and threads.cpp must not share threads.js/threads.wasm/threads.worker.js.
    String base = source.replace('.', '-');
    Path script = directory.resolve(base + ".js");
    Path module = directory.resolve(base + ".wasm");
    Files.deleteIfExists(script);
    Files.deleteIfExists(module);
    List<String> command = new ArrayList<>(List.of(compiler, "-O0", cpp ? "-std=c++17" : "-std=gnu11",
        SOURCES.resolve(source).toString()));
    command.addAll(flags);
    command.addAll(List.of("-o", script.toString()));
    Map<String, String> environment = linker == Linker.OURS
        ? Map.of("EMCC_SKIP_SANITY_CHECK", "1", "EM_LLVM_ROOT", llvmRootWithOurLinker().toString())
        : Map.of("EMCC_SKIP_SANITY_CHECK", "1");
    Tools.Result build = Tools.run(command, null, environment, BUILD_TIMEOUT);
    assertEquals(0, build.exitCode(), () -> compiler + " failed, linking with " + linker.description + ":\n"
        + String.join(" ", command) + "\n" + build.stdout() + build.stderr());
    Tools.Result execution = Tools.run(List.of("node", "--no-experimental-fetch", script.toString()), null,
        Map.of(), RUN_TIMEOUT);
    assertEquals(0, execution.exitCode(), () -> source + " linked with " + linker.description + " exited "
        + execution.exitCode() + "\nstdout:\n" + execution.stdout() + "stderr:\n" + execution.stderr());
    return new Outcome(module, execution.stdout());
  }

  /** A folder of links to every {@code *-14} LLVM tool, with wasm-ld-14 being ours; made once per test run. */
  static synchronized Path llvmRootWithOurLinker() throws IOException {
    if (ourLlvmRoot != null) {
      return ourLlvmRoot;
    }
    Path root = Files.createDirectories(BUILD.resolve("llvm-root"));
    try (Stream<Path> tools = Files.list(Path.of("/usr/bin"))) {
      for (Path tool : tools.filter(p -> p.getFileName().toString().endsWith("-14")).toList()) {
        Path link = root.resolve(tool.getFileName());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, tool);
      }
    }
    Path linker = root.resolve("wasm-ld-14");
    Files.deleteIfExists(linker);
    Files.createSymbolicLink(linker, LinkHarness.ourLinker());
    ourLlvmRoot = root;
    return root;
  }
}
