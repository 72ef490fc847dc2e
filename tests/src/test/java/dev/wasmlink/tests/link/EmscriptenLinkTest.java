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
 * programs built that way run under node exactly as the ones emcc links with its own wasm-ld-14.
 */
class EmscriptenLinkTest {
  @TestFactory
  Stream<DynamicTest> emccBuildsRunAsWithWasmLd14() {
    Map<String, String> expected = Map.of(
        "sort.c", "emscripten 1 3 5 9\n",
        "words.cpp", "emscripten 10\nlinker 6\nwasm 4\n");
    return expected.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry ->
        DynamicTest.dynamicTest(entry.getKey(), () -> {
          String source = entry.getKey();
          assertEquals(entry.getValue(), EmscriptenBuild.buildAndRun(source, List.of(), Linker.REFERENCE).stdout(),
              "emcc's own link");
          assertEquals(entry.getValue(), EmscriptenBuild.buildAndRun(source, List.of(), Linker.OURS).stdout(),
              "emcc linking with wasmlink");
        }));
  }
}
