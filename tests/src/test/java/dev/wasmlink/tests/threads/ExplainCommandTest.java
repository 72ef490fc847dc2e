package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.threads.TlsWorkbench.Run;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/wasmlink explain FILE...}: which objects can join a threaded link, and why the others cannot. Exit
 * status 0 when all can, else 1.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExplainCommandTest {
  private static TlsWorkbench bench;

  @BeforeAll
  static void build() {
    bench = new TlsWorkbench("explain");
    bench.compile("a.c", "a.o", TlsWorkbench.THREADS);
    bench.compile("b_tls.c", "b-tls.o", TlsWorkbench.THREADS);
    bench.compile("b.c", "b-nothreads.o", TlsWorkbench.NO_THREADS);
    bench.compile("b.c", "b.o", TlsWorkbench.NO_THREADS);
    Run archive = bench.run(List.of(Tools.require("llvm-ar-19", "llvm-19").toString(), "rcs", "lib.a", "b.o"));
    assertEquals(0, archive.status(), archive::describe);
  }

  @Test
  void readyObjects() {
    Run run = bench.explain("a.o", "b-tls.o");
    assertEquals(0, run.status(), run::describe);
    assertEquals("", run.err(), run::describe);
    assertTrue(run.out().startsWith("Thread support of 2 objects:\n"), run::describe);
    assertTrue(run.out().matches("(?s).*\\n  a\\.o +ready for threads +defines 0 thread-locals; uses as"
        + " thread-local: x\\n.*"), run::describe);
    assertTrue(run.out().matches("(?s).*\\n  b-tls\\.o +ready for threads +defines 1 thread-local\\n.*"),
        run::describe);
    assertTrue(run.out().contains("All of them can join a threaded link."), run::describe);
    assertTrue(!run.out().contains("would fail"), run::describe);
  }

  @Test
  void objectBuiltWithoutThreads() {
    Run run = bench.explain("a.o", "b-nothreads.o");
    assertEquals(1, run.status(), run::describe);
    checkNotReady(run, "b-nothreads.o");
  }

  @Test
  void archiveMemberIsNamedInsideItsArchive() {
    Run run = bench.explain("a.o", "lib.a");
    assertEquals(1, run.status(), run::describe);
    checkNotReady(run, "lib.a(b.o)");
  }

  private static void checkNotReady(Run run, String bad) {
    String out = run.out();
    assertTrue(out.matches("(?s).*\\n  " + Pattern.quote(bad) + " +not ready: lacks 'atomics' and"
        + " 'bulk-memory' +defines 0 thread-locals\\n.*"), run::describe);
    assertTrue(out.contains("A threaded link (--shared-memory) of these objects would fail:\n"), run::describe);
    assertTrue(out.contains("\na.o: relocation R_WASM_MEMORY_ADDR_TLS_SLEB cannot be used against non-TLS symbol"
        + " `x` (and 1 more relocation)\n"), run::describe);
    assertTrue(out.contains(">>> `x` is thread-local where it is used but an ordinary global where " + bad
        + " defines it, in segment .data.x\n"), run::describe);
    assertTrue(out.contains(">>> fix: rebuild " + bad + " with -pthread (clang, emcc), or with -matomics"
        + " -mbulk-memory\n"), run::describe);
    assertTrue(out.contains("1 of 2 objects can join a threaded link; not: " + bad + "\n"), run::describe);
    assertTrue(!out.contains("All of them can join"), run::describe);
  }

  @Test
  void missingFileIsOneLine() {
    Run run = bench.explain("a.o", "nothere.o");
    assertEquals(1, run.status(), run::describe);
    assertEquals("", run.out(), run::describe);
    assertEquals(List.of("wasmlink: error: cannot open nothere.o: No such file or directory"),
        run.err().lines().toList(), run::describe);
  }
}
