package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * emcc and em++ (emscripten 3.1.6) with wasmlink swapped in for wasm-ld-14: {@code EM_LLVM_ROOT} points at a folder
 * holding every {@code *-14} LLVM tool, with {@code wasm-ld-14} replaced by {@code bin/wasm-ld}. The programs built
 * that way run under node exactly as the ones emcc links with its own wasm-ld-14.
 */
class EmscriptenLinkTest {
  private static final Path SOURCES = LinkHarness.ROOT.resolve("tests/src/test/resources/emscripten");
  private static final Path BUILD = LinkHarness.ROOT.resolve("tests/target/emscripten");

  @TestFactory
  Stream<DynamicTest> emccBuildsRunAsWithWasmLd14() throws IOException {
    Path llvmRoot = llvmRootWithOurLinker();
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String> expected = Map.of(
        "sort.c", "emscripten 1 3 5 9\n",
        "words.cpp", "emscripten 10\nlinker 6\nwasm 4\n");
    expected.forEach((source, output) -> tests.add(DynamicTest.dynamicTest(source, () -> {
      String compiler = source.endsWith(".cpp") ? "em++" : "emcc";
      assertEquals(output, buildAndRun(compiler, source, "reference", null), "emcc's own link");
      assertEquals(output, buildAndRun(compiler, source, "ours", llvmRoot), "emcc linking with wasmlink");
    })));
    return tests.stream();
  }

  /** A folder of links to every {@code *-14} LLVM tool, with wasm-ld-14 being ours. */
  private static Path llvmRootWithOurLinker() throws IOException {
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
    return root;
  }

  private static String buildAndRun(String compiler, String source, String name, Path llvmRoot) throws Exception {
    Tools.require("emcc", "emscripten");
    Path directory = Files.createDirectories(BUILD.resolve(name));
    Path output = directory.resolve(source.replaceAll("\\.\\w+$", ".js"));
    List<String> command = new ArrayList<>(List.of(compiler, "-O0", "-std=" + (compiler.equals("em++") ? "c++17"
        : "c11"), SOURCES.resolve(source).toString(), "-o", output.toString()));
    ProcessBuilder build = new ProcessBuilder(command).redirectErrorStream(true);
    build.environment().put("EMCC_SKIP_SANITY_CHECK", "1");
    if (llvmRoot != null) {
      build.environment().put("EM_LLVM_ROOT", llvmRoot.toString());
    }
    Process process = build.start();
    String log = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "emcc timed out");
    assertEquals(0, process.exitValue(), compiler + " failed (" + name + "):\n" + log);
    Tools.Result run = Tools.run(List.of("node", "--no-experimental-fetch", output.toString()));
    assertEquals(0, run.exitCode(), run.stderr());
    return run.stdout();
  }
}
