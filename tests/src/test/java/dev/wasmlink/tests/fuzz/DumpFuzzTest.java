package dev.wasmlink.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlink.linker.cli.DumpCommand;

/**
 * {@code wasmlink dump} on arbitrary bytes: a stub library, an archive or an object, each checked and then printed
 * (names, symbols, segments, relocations, target features, producers, demangled names).
 */
class DumpFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void dump(byte[] data) {
    BadInput.expectSuccessOrError(() -> DumpCommand.dump(data, "fuzz.o", BadInput.discard()));
  }
}
