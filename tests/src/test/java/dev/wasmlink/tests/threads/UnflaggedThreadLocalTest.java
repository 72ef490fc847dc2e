package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.threads.TlsWorkbench.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cause 1: a thread-local whose segment is thread-local ({@code .tdata.x}, flagged TLS) but whose symbol lacks the
 * TLS flag, as some compilers wrote it. Made from a real object: b_tls.c built with threads, through obj2yaml-19, the
 * symbol's TLS flag removed, back through yaml2obj-19. It is a thread-local all the same: the threaded link works and
 * each thread has its own {@code x}; {@code wasmlink explain} notes it and still says the objects are ready.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class UnflaggedThreadLocalTest {
  /** The symbol table entry of {@code x}: its flags line, which obj2yaml writes as {@code [ A, B ]}. */
  private static final Pattern X_FLAGS = Pattern.compile("(Kind: +DATA\\n +Name: +x\\n +Flags: +)\\[([^\\]]*)\\]");

  private static TlsWorkbench bench;

  @BeforeAll
  static void build() throws IOException {
    bench = new TlsWorkbench("unflagged");
    bench.compile("a.c", "a.o", TlsWorkbench.THREADS);
    Path flagged = bench.compile("b_tls.c", "b-tls.o", TlsWorkbench.THREADS);
    String yaml = Tools.output(List.of(Tools.require("obj2yaml-19", "llvm-19").toString(), flagged.toString()));
    Matcher matcher = X_FLAGS.matcher(yaml);
    assertTrue(matcher.find(), "no flags for x in\n" + yaml);
    List<String> flags = List.of(matcher.group(2).trim().split(" *, *"));
    assertTrue(flags.contains("TLS"), "x is not flagged TLS in\n" + yaml);
    String unflagged = String.join(", ", flags.stream().filter(flag -> !flag.equals("TLS")).toList());
    String edited = yaml.substring(0, matcher.start()) + matcher.group(1) + "[ " + unflagged + " ]"
        + yaml.substring(matcher.end());
    assertTrue(edited.contains("Name:            .tdata.x"), "the segment's name changed");
    assertTrue(edited.matches("(?s).*SegmentInfo:.*Flags: +\\[ TLS \\].*"), "the segment lost its TLS flag");
    Path yamlFile = bench.file("b-unflagged.yaml");
    Files.writeString(yamlFile, edited);
    Tools.output(List.of(Tools.require("yaml2obj-19", "llvm-19").toString(), yamlFile.toString(), "-o",
        bench.file("b-unflagged.o").toString()));
    String check = Tools.output(List.of(Tools.require("obj2yaml-19", "llvm-19").toString(),
        bench.file("b-unflagged.o").toString()));
    Matcher result = X_FLAGS.matcher(check);
    assertTrue(result.find() && !result.group(2).contains("TLS"), "x is still flagged TLS:\n" + check);
  }

  @Test
  void linksWithSharedMemoryAndEachThreadHasItsOwnX() {
    Path wasm = bench.assertLinked(bench.ours(TlsWorkbench.sharedLink("unflagged.wasm", "a.o", "b-unflagged.o")),
        "unflagged.wasm");
    TlsWorkbench.checkPerThreadValues(wasm);
  }

  @Test
  void explainNotesTheUnflaggedThreadLocalAndSaysReady() {
    Run run = bench.explain("a.o", "b-unflagged.o");
    assertEquals(0, run.status(), run::describe);
    assertTrue(run.out().contains("note: `x` sits in thread-local segment .tdata.x of b-unflagged.o without the"
        + " symbol's TLS flag (an older compiler's habit); it is linked as thread-local\n"), run::describe);
    assertTrue(run.out().contains("All of them can join a threaded link."), run::describe);
    assertEquals("", run.err(), run::describe);
  }
}
