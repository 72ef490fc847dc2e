package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.corpus.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code section is patched on as many threads as the JVM's common pool has: one thread or eight, the output must
 * be the same bytes. The debug program is the largest of the test programs (DWARF points into the code section, so a
 * misplaced function would show there too).
 */
class ParallelWriteDeterminismTest {
  @Test
  void sameBytesOnOneThreadAndOnEight() throws Exception {
    LinkHarness.Build build = LinkHarness.build(ProgramManifest.program("debug"));
    byte[] sequential = link(build, 1);
    byte[] parallel = link(build, 8);
    assertArrayEquals(sequential, parallel, "the output depends on the number of threads writing it");
  }

  private static byte[] link(LinkHarness.Build build, int threads) throws Exception {
    Path output = Files.createDirectories(build.directory().resolve("threads-" + threads)).resolve("out.wasm");
    List<String> command = new ArrayList<>();
    command.add(LinkHarness.ourLinker().toString());
    command.addAll(LinkHarness.linkArguments(build.objects(), build.program().linkFlags(build.directory()), output));
    // The java launcher reads JDK_JAVA_OPTIONS, so the pool size reaches the linker through bin/wasm-ld unchanged.
    Tools.Result result = Tools.run(command, null,
        Map.of("JDK_JAVA_OPTIONS", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + threads),
        Duration.ofMinutes(2));
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
    return Files.readAllBytes(output);
  }
}
