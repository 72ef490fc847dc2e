package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wasmlink.tests.threads.TlsWorkbench.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every thread-local storage error, each from a small hand-written object ({@code src/test/resources/threads/asm},
 * assembled by llvm-mc-19). Each must exit 1, leave no output file, and say what the case expects; where wasm-ld-19
 * reports the same error, our first error line must be exactly its first.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TlsErrorsTest {
  private static final String OUTPUT = "out.wasm";
  private static final List<String> SHARED = List.of("--no-entry", "--shared-memory", "--max-memory=131072");
  private static TlsWorkbench bench;

  @BeforeAll
  static void assemble() {
    bench = new TlsWorkbench("tls-errors");
    for (String name : List.of("tls_undefined", "plain_x", "tls_in_data_section", "tls_without_atomics",
        "shared_without_bulk_memory")) {
      bench.assemble(name);
    }
  }

  /** A case: link arguments (without {@code -o}) and the first error line both linkers print. */
  record Case(String name, List<String> arguments, String firstError) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<String> args(List<String> flags, String... rest) {
    List<String> arguments = new ArrayList<>(flags);
    arguments.addAll(List.of(rest));
    return arguments;
  }

  static Stream<Case> cases() {
    String undefined = "wasm-ld: error: tls_undefined.o: relocation R_WASM_MEMORY_ADDR_TLS_SLEB cannot be used against"
        + " an undefined symbol `x`";
    return Stream.of(
        // Both ways of letting `x` stay undefined get past the undefined-symbol check to the TLS one.
        new Case("undefined-allow-undefined", args(SHARED, "--allow-undefined", "tls_undefined.o"), undefined),
        new Case("undefined-ignore-all", args(SHARED, "--unresolved-symbols=ignore-all", "tls_undefined.o"),
            undefined),
        new Case("undefined-single-threaded", args(List.of("--no-entry"), "--allow-undefined", "tls_undefined.o"),
            undefined),
        new Case("non-tls-symbol", args(SHARED, "tls_undefined.o", "plain_x.o"),
            "wasm-ld: error: tls_undefined.o: relocation R_WASM_MEMORY_ADDR_TLS_SLEB cannot be used against"
                + " non-TLS symbol `x`"),
        new Case("tls-symbol-in-data", args(SHARED, "tls_in_data_section.o"),
            "wasm-ld: error: tls_in_data_section.o: relocation R_WASM_MEMORY_ADDR_TLS_SLEB cannot be used against"
                + " `x` in non-TLS section: .data"),
        // x must be live for its .tdata to count: exported.
        new Case("tls-without-atomics", args(List.of("--no-entry"), "--export=x", "tls_without_atomics.o"),
            "wasm-ld: error: 'atomics' feature must be used in order to use thread-local storage"),
        new Case("shared-memory-without-bulk-memory", args(SHARED, "shared_without_bulk_memory.o"),
            "wasm-ld: error: 'bulk-memory' feature must be used in order to use shared memory"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsAsWasmLd19Does(Case c) {
    String output = c.name() + ".wasm";
    Run ours = bench.ours(args(c.arguments(), "-o", output));
    bench.assertFailedWithoutOutput(ours, output);
    assertFalse(ours.errorLines().isEmpty(), ours::describe);
    assertEquals(c.firstError(), ours.errorLines().get(0), ours::describe);

    String referenceOutput = c.name() + "-reference.wasm";
    Run reference = bench.reference(args(c.arguments(), "-o", referenceOutput));
    bench.assertFailedWithoutOutput(reference, referenceOutput);
    assertFalse(reference.errorLines().isEmpty(), reference::describe);
    assertEquals(reference.errorLines().get(0), ours.errorLines().get(0),
        () -> "first line differs from wasm-ld-19's\n" + reference.describe() + "\n" + ours.describe());
  }
}
