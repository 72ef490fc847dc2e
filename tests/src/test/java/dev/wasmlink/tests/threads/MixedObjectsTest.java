package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.threads.TlsWorkbench.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * a.c uses {@code extern _Thread_local int x}, built with threads; b.c defines {@code x}. When the two disagree, a
 * threaded link must fail with one diagnosis of {@code x} that names both files, a.o's functions, the segment, the
 * cause and its fix. Cause 2: b.c (an ordinary {@code int x}) built without threads. Cause 3: the same b.c built with
 * threads, so the declarations disagree. When they agree, the link works and each thread has its own {@code x}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MixedObjectsTest {
  private static TlsWorkbench bench;

  @BeforeAll
  static void build() {
    bench = new TlsWorkbench("mixed-objects");
    bench.compile("a.c", "a.o", TlsWorkbench.THREADS);
    bench.compile("b.c", "b-nothreads.o", TlsWorkbench.NO_THREADS);
    bench.compile("b.c", "b-plain.o", TlsWorkbench.THREADS);
    bench.compile("b_tls.c", "b-tls-nothreads.o", TlsWorkbench.NO_THREADS);
    bench.compile("b_tls.c", "b-tls.o", TlsWorkbench.THREADS);
  }

  /** The one diagnosis of {@code x}: everything but the cause and fix, which the callers check. */
  private static String failThreadedLink(String definer, String output) {
    Run run = bench.ours(TlsWorkbench.sharedLink(output, "a.o", definer));
    bench.assertFailedWithoutOutput(run, output);
    List<String> errors = run.errorLines();
    assertEquals(1, errors.size(), () -> "one error for x, not one per relocation\n" + run.describe());
    assertEquals("wasm-ld: error: a.o: relocation R_WASM_MEMORY_ADDR_TLS_SLEB cannot be used against non-TLS symbol"
        + " `x` (and 1 more relocation)", errors.get(0), run::describe);
    String err = run.err();
    assertTrue(err.contains(">>> `x` is thread-local where it is used but an ordinary global where " + definer
        + " defines it, in segment .data.x\n"), err);
    assertTrue(err.contains(">>> used as thread-local by 2 functions in 1 object: a.o (getx, setx)\n"), err);
    assertTrue(err.lines().allMatch(line -> line.startsWith(TlsWorkbench.ERROR) || line.startsWith(">>> ")),
        () -> "a line that is neither an error nor its continuation\n" + err);
    return err;
  }

  @Test
  void cause2DefinitionBuiltWithoutThreads() {
    String err = failThreadedLink("b-nothreads.o", "cause2.wasm");
    assertTrue(err.contains(">>> cause: b-nothreads.o was built without thread support (its target_features lacks"
        + " 'atomics' and 'bulk-memory'), so its compiler turned `thread_local`/`_Thread_local` into an ordinary"
        + " global\n"), err);
    assertTrue(err.contains(">>> fix: rebuild b-nothreads.o with -pthread (clang, emcc), or with -matomics"
        + " -mbulk-memory\n"), err);
    assertTrue(!err.contains("declarations disagree"), err);
  }

  @Test
  void cause3DeclarationsDisagree() {
    String err = failThreadedLink("b-plain.o", "cause3.wasm");
    assertTrue(err.contains(">>> cause: b-plain.o was built with thread support, so the declarations disagree: a.o"
        + " declares `x` thread-local, b-plain.o defines it as an ordinary global\n"), err);
    assertTrue(err.contains(">>> fix: make the declaration and the definition agree: define `x` as"
        + " `thread_local`/`_Thread_local` in b-plain.o"), err);
    assertTrue(!err.contains("-pthread"), "rebuilding with threads would not help:\n" + err);
  }

  /** A thread-local defined without threads is lowered to an ordinary global, and its object disallows shared-mem. */
  @Test
  void threadLocalBuiltWithoutThreadsDisallowsSharedMemory() {
    Run run = bench.ours(TlsWorkbench.sharedLink("disallowed.wasm", "a.o", "b-tls-nothreads.o"));
    bench.assertFailedWithoutOutput(run, "disallowed.wasm");
    String err = run.err();
    assertTrue(err.contains(TlsWorkbench.ERROR + "--shared-memory is disallowed by b-tls-nothreads.o because it was"
        + " not compiled with 'atomics' or 'bulk-memory' features.\n"), err);
    assertTrue(err.contains(">>> built without thread support (1 object): b-tls-nothreads.o\n"), err);
    assertTrue(err.contains(">>> fix: rebuild b-tls-nothreads.o with -pthread (clang, emcc), or with -matomics"
        + " -mbulk-memory\n"), err);
    Run reference = bench.reference(TlsWorkbench.sharedLink("disallowed-reference.wasm", "a.o",
        "b-tls-nothreads.o"));
    assertTrue(reference.err().contains(TlsWorkbench.ERROR + "--shared-memory is disallowed by b-tls-nothreads.o"
        + " because it was not compiled with 'atomics' or 'bulk-memory' features.\n"), reference::describe);
  }

  @Test
  void bothWithThreadsLinkAndEachThreadHasItsOwnX() {
    Path wasm = bench.assertLinked(bench.ours(TlsWorkbench.sharedLink("agree.wasm", "a.o", "b-tls.o")),
        "agree.wasm");
    TlsWorkbench.checkPerThreadValues(wasm);
  }

  /**
   * Single-threaded, the mismatched pairs link (thread-locals are lowered to plain memory) and read 42. Not compared
   * with wasm-ld-19, whose single-threaded TLS offsets add the static .tdata address twice (llvm/llvm-project#116136).
   */
  @Test
  void withoutSharedMemoryTheMismatchedPairsLinkAndRun() {
    for (String definer : List.of("b-nothreads.o", "b-plain.o")) {
      String output = "single-" + definer.replace(".o", ".wasm");
      Path wasm = bench.assertLinked(bench.ours(TlsWorkbench.singleLink(output, "a.o", definer)), output);
      TlsWorkbench.checkSingleThreaded(wasm);
    }
  }
}
