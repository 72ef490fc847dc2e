package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.link.EmscriptenBuild.Linker;
import dev.wasmlink.tests.link.EmscriptenBuild.Outcome;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Threads end to end: pthreads and C++ {@code std::thread} programs with thread-local variables, built by emcc and
 * em++ with {@code -pthread}, which makes emcc link with {@code --shared-memory --import-memory} and libraries
 * compiled with atomics and bulk memory. The linker must then lay out {@code .tdata}/{@code .tbss} as one TLS block
 * ({@code __tls_base}, {@code __tls_size}, {@code __tls_align}, {@code __wasm_init_tls}), resolve the TLS
 * relocations, and make the other data segments passive, loaded once by {@code __wasm_init_memory}.
 *
 * <p>Each program is one dynamic test per linker, so that emcc's own link proves the program and its expected output
 * independently of wasmlink. {@code PTHREAD_POOL_SIZE} starts the four workers before {@code main}, whose blocking
 * {@code pthread_join} would otherwise wait forever for a worker node never gets to start, and
 * {@code PTHREAD_POOL_SIZE_STRICT=2} makes a fifth thread fail in {@code pthread_create} rather than hang;
 * {@code EXIT_RUNTIME} lets node exit once {@code main} returns, which the idle pool workers would otherwise prevent.
 */
class EmscriptenThreadsTest {
  private static final List<String> FLAGS = List.of("-pthread", "-sPTHREAD_POOL_SIZE=4",
      "-sPTHREAD_POOL_SIZE_STRICT=2", "-sEXIT_RUNTIME=1");

  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("threads.c", """
        thread 0 alpha: result 359, started from initial values: yes, kept its own: yes
        thread 1 beta: result 470, started from initial values: yes, kept its own: yes
        thread 2 gamma: result 581, started from initial values: yes, kept its own: yes
        thread 3 delta: result 692, started from initial values: yes, kept its own: yes
        thread-local arrays at distinct addresses: yes
        atomic total 2102, mutex total 224
        main: seed 41, scale 1.50, label main, initial values: yes
        """);
    EXPECTED.put("threads.cpp", """
        thread-0 fresh=yes hits=1 visits=101 last=0
        thread-1 fresh=yes hits=2 visits=102 last=11
        thread-2 fresh=yes hits=3 visits=103 last=22
        thread-3 fresh=yes hits=4 visits=104 last=33
        worker tallies constructed 4, destroyed 4
        letters 32
        main: thread visits=100 hits=0
        tallies constructed 5, destroyed 4
        """);
    // Thread-locals with external linkage, which LLVM 14 reaches through GOT entries: each thread's must be its own.
    EXPECTED.put("got_tls.c", """
        thread 0: counter 12, name a
        thread 1: counter 19, name b
        thread 2: counter 26, name c
        main: counter 5, name main
        """);
  }

  /** What each program printed when linked by emcc's wasm-ld-14, so that wasmlink's run is compared with it. */
  private static final Map<String, String> REFERENCE_OUTPUTS = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> threadedProgramsRunAsWithWasmLd14() {
    return EXPECTED.keySet().stream().flatMap(source -> Stream.of(Linker.REFERENCE, Linker.OURS).map(linker ->
        DynamicTest.dynamicTest(source + " linked by " + linker.description, () -> {
          String output = buildAndRun(source, linker);
          assertEquals(EXPECTED.get(source), output, source + " linked by " + linker.description);
          if (linker == Linker.OURS) {
            assertEquals(referenceOutput(source), output, "wasmlink's build printed other than emcc's own");
          }
        })));
  }

  private static String buildAndRun(String source, Linker linker) throws IOException {
    Outcome outcome = EmscriptenBuild.buildAndRun(source, FLAGS, linker);
    // Without -pthread taking effect the programs would still print the same, single-threaded: require the
    // shared memory that emcc imports into every worker.
    List<ModuleSummary.Memory> memories = LinkHarness.summarize(outcome.module()).memories();
    assertTrue(memories.stream().anyMatch(memory -> memory.imported() && memory.shared()),
        () -> source + " linked by " + linker.description + " imports no shared memory: " + memories);
    if (linker == Linker.REFERENCE) {
      synchronized (REFERENCE_OUTPUTS) {
        REFERENCE_OUTPUTS.put(source, outcome.stdout());
      }
    }
    return outcome.stdout();
  }

  /** emcc's own build's output, from its dynamic test or else built now. */
  private static String referenceOutput(String source) throws IOException {
    synchronized (REFERENCE_OUTPUTS) {
      String output = REFERENCE_OUTPUTS.get(source);
      if (output != null) {
        return output;
      }
    }
    return buildAndRun(source, Linker.REFERENCE);
  }
}
