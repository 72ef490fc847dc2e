package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs are decoded, and the code and debug sections patched, on as many threads as the JVM's common pool has, while
 * {@code .debug_str} is merged on a thread of its own: one thread or eight, the output must be the same bytes and a
 * bad input the same error. The debug program is the largest of the test programs with DWARF (which points into the
 * code section, so a misplaced function would show there too).
 */
class ParallelWriteDeterminismTest {
  @Test
  void sameBytesOnOneThreadAndOnEight() throws Exception {
    LinkHarness.Build build = LinkHarness.build(ProgramManifest.program("debug"));
    byte[] sequential = link(build, 1);
    byte[] parallel = link(build, 8);
    assertArrayEquals(sequential, parallel, "the output depends on the number of threads writing it");
  }

  /**
   * Of two bad objects after the good ones, a whole object cut short at its end and a few bytes that are not wasm,
   * the first on the command line is the one reported, as a link reading one input after the other reports it,
   * whichever thread fails first (ParallelDecodingTest makes the later fail first on purpose).
   */
  @Test
  void theFirstBadInputIsTheOneReportedOnOneThreadAndOnEight() throws Exception {
    LinkHarness.Build build = LinkHarness.build(ProgramManifest.program("debug"));
    Path bad = Files.createDirectories(build.directory().resolve("bad"));
    Path largest = build.objects().stream().max(Comparator.comparingLong(ParallelWriteDeterminismTest::size)).get();
    byte[] whole = Files.readAllBytes(largest);
    Path truncated = Files.write(bad.resolve("truncated.o"), Arrays.copyOf(whole, whole.length - 1));
    Path notWasm = Files.writeString(bad.resolve("not-wasm.o"), "not an object\n");
    List<Path> objects = new ArrayList<>(build.objects());
    objects.addAll(List.of(truncated, notWasm));
    for (int threads : new int[] {1, 8}) {
      Tools.Result result = run(build, objects, bad.resolve("out.wasm"), threads);
      assertEquals(1, result.exitCode(), result.stderr());
      assertTrue(result.stderr().contains("wasm-ld: error: " + truncated + " at offset"),
          threads + " threads: " + result.stderr());
      assertFalse(result.stderr().contains("not-wasm.o"), result.stderr());
    }
  }

  private static byte[] link(LinkHarness.Build build, int threads) throws Exception {
    Path output = Files.createDirectories(build.directory().resolve("threads-" + threads)).resolve("out.wasm");
    Tools.Result result = run(build, build.objects(), output, threads);
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
    return Files.readAllBytes(output);
  }

  private static Tools.Result run(LinkHarness.Build build, List<Path> objects, Path output, int threads)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(LinkHarness.ourLinker().toString());
    command.addAll(LinkHarness.linkArguments(objects, build.program().linkFlags(build.directory()), output));
    // The java launcher reads JDK_JAVA_OPTIONS, so the pool size reaches the linker through bin/wasm-ld unchanged.
    return Tools.run(command, null,
        Map.of("JDK_JAVA_OPTIONS", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + threads),
        Duration.ofMinutes(2));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
