package dev.wasmlink.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name the linker is run by picks wasm-ld 14's conventions only for wasm-ld-14 and older. */
class LoaderConventionsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "wasm-ld-14, WASM_LD_14",
      "wasm-ld-13, WASM_LD_14",
      "wasm-ld-19, WASM_LD_19",
      "wasm-ld-15, WASM_LD_19",
      "wasm-ld, WASM_LD_19",
      "wasmlink, WASM_LD_19",
      "wasm-ld-14.sh, WASM_LD_19",
      "none, WASM_LD_19"})
  void namedByTheProgram(String programName, LoaderConventions expected) {
    assertEquals(expected, LoaderConventions.forProgramName(programName));
  }
}
