package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.link.LinkHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * With {@code --shared-memory}, wasmlink writes what wasm-ld-19 writes, byte for byte: passive segments, DataCount,
 * {@code __wasm_init_memory} (flag, copies, fill, drops), {@code __wasm_init_tls}, the TLS globals and their
 * export order. (Single-threaded TLS differs on purpose: wasm-ld 19 adds {@code .tdata}'s address twice there.)
 */
class SharedMemoryByteIdenticalTest {
  private static final List<List<String>> FLAG_SETS = List.of(
      ThreadsProgram.SHARED_FLAGS,
      List.of("--no-entry", "--shared-memory", "--export=check_initial"),
      List.of("--no-entry", "--shared-memory", "--max-memory=4194304", "--export=__wasm_init_tls",
          "--export=__tls_size", "--export=__tls_align", "--export=__data_end", "--export=__heap_base"),
      List.of("--no-entry", "--shared-memory", "--import-memory", "--stack-first", "--export=__wasm_init_tls"),
      List.of("--no-entry", "--shared-memory", "--no-gc-sections"));

  @TestFactory
  Stream<DynamicTest> sharedMemoryOutputIsWasmLd19s() {
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> flags : FLAG_SETS) {
      tests.add(DynamicTest.dynamicTest(String.join(" ", flags), () -> {
        byte[] reference = link(ThreadsProgram.REFERENCE, flags);
        byte[] ours = link(ThreadsProgram.OURS, flags);
        assertArrayEquals(reference, ours, "with " + flags + ", wasmlink's output differs from wasm-ld-19's");
      }));
    }
    return tests.stream();
  }

  /** Same file name in two directories: wasm-ld names the module after its output file. */
  private static byte[] link(String linker, List<String> flags) throws Exception {
    Path directory = Files.createDirectories(
        ThreadsProgram.buildDirectory().resolve("identical-" + flags.hashCode()).resolve(linker));
    Path output = directory.resolve("tls.wasm");
    List<String> arguments = new ArrayList<>(flags);
    arguments.add(ThreadsProgram.object().toString());
    arguments.add("-o");
    arguments.add(output.toString());
    LinkHarness.Link link = LinkHarness.link(ThreadsProgram.linker(linker), arguments, output);
    assertEquals(0, link.exitCode(), link.describe());
    return Files.readAllBytes(output);
  }
}
