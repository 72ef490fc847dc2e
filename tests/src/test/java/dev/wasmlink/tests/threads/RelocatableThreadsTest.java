package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thread-locals through a relocatable link: a.c (getx/setx of {@code extern _Thread_local int x}) and b_tls.c (its
 * definition), built with threads, combined by {@code -r}. The combined object keeps {@code .tdata} thread-local
 * (flagged so, and by name), its TLS relocations against the TLS symbol, and so links into a shared-memory module in
 * which each thread has its own {@code x}, by either linker.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RelocatableThreadsTest {
  private static TlsWorkbench bench;

  @BeforeAll
  static void build() {
    bench = new TlsWorkbench("relocatable-threads");
    bench.compile("a.c", "a.o", TlsWorkbench.THREADS);
    bench.compile("b_tls.c", "b-tls.o", TlsWorkbench.THREADS);
    bench.assertLinked(bench.ours(List.of("-r", "a.o", "b-tls.o", "-o", "ab.o")), "ab.o");
  }

  @Test
  void theCombinedObjectKeepsItsThreadLocals() {
    String yaml = Tools.output(List.of(Tools.require("obj2yaml-19", "llvm-19").toString(),
        bench.file("ab.o").toString()));
    assertTrue(yaml.matches("(?s).*Name: +\\.tdata\\n +Alignment: +2\\n +Flags: +\\[ TLS \\].*"), yaml);
    assertTrue(yaml.matches("(?s).*Name: +x\\n +Flags: +\\[[^\\]]*TLS[^\\]]*\\].*"), yaml);
    assertTrue(yaml.contains("R_WASM_MEMORY_ADDR_TLS_SLEB"), yaml);
  }

  @Test
  void eachThreadHasItsOwnCopyLinkedByUs() {
    TlsWorkbench.checkPerThreadValues(bench.assertLinked(
        bench.ours(TlsWorkbench.sharedLink("ours.wasm", "ab.o")), "ours.wasm"));
  }

  @Test
  void eachThreadHasItsOwnCopyLinkedByWasmLd19() throws IOException {
    TlsWorkbench.Run run = bench.reference(TlsWorkbench.sharedLink("reference.wasm", "ab.o"));
    assertEquals(0, run.status(), run::describe);
    assertTrue(Files.isRegularFile(bench.file("reference.wasm")));
    TlsWorkbench.checkPerThreadValues(bench.file("reference.wasm"));
  }
}
