package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thread-local reached as compilers before {@code R_WASM_MEMORY_ADDR_TLS_SLEB} reached it (threads/asm/
 * memory_addr_tls.s): {@code __tls_base} plus a plain memory-address relocation against the TLS symbol. wasm-ld-19
 * accepts such objects and gives the relocation the symbol's offset in the TLS block; so do we, and each thread then
 * reaches its own copy. Single-threaded, wasm-ld 19 gives the static address, which {@code __tls_base} (holding that
 * address too) counts twice; ours keeps the offset, so the program still reads its {@code x}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OlderCompilerTlsTest {
  private static final List<String> SINGLE_FLAGS = List.of("--no-entry");

  private static TlsWorkbench bench;

  @BeforeAll
  static void build() throws IOException {
    bench = new TlsWorkbench("older-compiler-tls");
    bench.assemble("memory_addr_tls");
    Files.createDirectories(bench.file("ours"));
  }

  private static Path link(String directory, List<String> flags) {
    List<String> arguments = new ArrayList<>(flags);
    arguments.addAll(List.of("memory_addr_tls.o", "-o", directory + "/tls.wasm"));
    String output = directory + "/tls.wasm";
    return bench.assertLinked(directory.equals("ours") ? bench.ours(arguments) : bench.reference(arguments), output);
  }

  @Test
  void sharedMemoryOutputIsWasmLd19s() throws IOException {
    List<String> flags = new ArrayList<>(ThreadsProgram.SHARED_FLAGS);
    assertArrayEquals(Files.readAllBytes(link("reference", flags)), Files.readAllBytes(link("ours", flags)),
        "a memory-address relocation against a thread-local resolves otherwise than in wasm-ld-19");
  }

  @Test
  void eachThreadReachesItsOwnCopy() {
    TlsWorkbench.checkPerThreadValues(link("ours", new ArrayList<>(ThreadsProgram.SHARED_FLAGS)));
  }

  @Test
  void singleThreadedTheOffsetStillReachesX() throws IOException {
    TlsWorkbench.checkSingleThreaded(link("ours", SINGLE_FLAGS));
    assertFalse(Arrays.equals(Files.readAllBytes(link("reference", SINGLE_FLAGS)),
        Files.readAllBytes(link("ours", SINGLE_FLAGS))),
        "wasm-ld-19 adds .tdata's address twice here (llvm#116136); if it now agrees, the comment is stale");
  }
}
