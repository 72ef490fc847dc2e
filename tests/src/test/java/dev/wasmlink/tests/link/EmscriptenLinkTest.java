package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.link.EmscriptenBuild.Linker;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * emcc and em++ (emscripten 3.1.6) with wasmlink swapped in for wasm-ld-14 (see {@link EmscriptenBuild}). The
 * programs built that way run under node exactly as the ones emcc links with its own wasm-ld-14. Each program shows
 * one thing emscripten needs of its linker; {@code tests/emcc-parity} runs emscripten's own test programs the same
 * way.
 */
class EmscriptenLinkTest {
  /** What a program needs beyond its source: more sources, and flags for both compiling and linking. */
  private static final Map<String, List<String>> FLAGS = Map.of(
      "exceptions.cpp", List.of(EmscriptenBuild.SOURCES.resolve("exceptions_thrower.cpp").toString(),
          "-fwasm-exceptions"));

  @TestFactory
  Stream<DynamicTest> emccBuildsRunAsWithWasmLd14() {
    Map<String, String> expected = Map.of(
        "sort.c", "emscripten 1 3 5 9\n",
        // -fwasm-exceptions: one __cpp_exception tag out of every object's weak one, throws across objects.
        "exceptions.cpp", """
            caught status 3: status error
            caught int 42
            rethrowing
            caught rethrown std::exception: status error
            caught status 9 after 4 destructors
            caught out_of_range from vector::at
            """,
        "words.cpp", "emscripten 10\nlinker 6\nwasm 4\n",
        // __start_em_asm/__stop_em_asm (exported only if defined) and __start_/__stop_ of a section of its own.
        "em_asm.c", """
            registered 3 entries, first alpha
            EM_ASM says 42 and hello
            EM_ASM_INT: 42, EM_JS: 42
            registry: alpha = 1
            registry: beta = 20
            registry: gamma = 300
            3 entries, total 321
            """,
        // Wide strings are string segments aligned to 4: not split at NUL bytes and merged.
        "wide_strings.c", "wcslen: 5 10\nwcscmp: 1\nHello, wide world!\n");
    return expected.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry ->
        DynamicTest.dynamicTest(entry.getKey(), () -> {
          String source = entry.getKey();
          List<String> flags = FLAGS.getOrDefault(source, List.of());
          assertEquals(entry.getValue(), EmscriptenBuild.buildAndRun(source, flags, Linker.REFERENCE).stdout(),
              "emcc's own link");
          assertEquals(entry.getValue(), EmscriptenBuild.buildAndRun(source, flags, Linker.OURS).stdout(),
              "emcc linking with wasmlink");
        }));
  }
}
