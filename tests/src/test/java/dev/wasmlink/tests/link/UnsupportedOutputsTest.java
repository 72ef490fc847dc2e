package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Outputs wasm-ld writes wrong and wasmlink refuses: thread-locals in a position-independent module without shared
 * memory, where wasm-ld 19 makes {@code __tls_base} an immutable 0 that misses the module's data. Each is refused with
 * one {@code wasm-ld: error:} line naming the flag, exit status 1 and no output file.
 */
class UnsupportedOutputsTest {
  private static final Path DIRECTORY = LinkHarness.ROOT.resolve("tests/target/unsupported-outputs");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--experimental-pic -shared | -shared without --shared-memory cannot place thread-local storage (.tbss.counter):"
          + " __tls_base would not count from __memory_base; link with --shared-memory, or build without"
          + " -matomics/-pthread so that thread-locals become ordinary data",
      "--experimental-pic -pie | -pie without --shared-memory cannot place thread-local storage (.tbss.counter):"
          + " __tls_base would not count from __memory_base; link with --shared-memory, or build without"
          + " -matomics/-pthread so that thread-locals become ordinary data"})
  void isRefusedInOneLine(String flags, String message) throws Exception {
    Files.createDirectories(DIRECTORY);
    Path source = DIRECTORY.resolve("program.c");
    Files.writeString(source, "_Thread_local int counter;\nint get(void) { return ++counter; }\n");
    Path object = DIRECTORY.resolve("program.o");
    Tools.Result compile = Tools.run(List.of(Tools.require("clang-19", "clang-19").toString(), "--target=wasm32",
        "-O1", "-fPIC", "-fvisibility=default", "-matomics", "-mbulk-memory", "-c", source.toString(), "-o",
        object.toString()));
    assertEquals(0, compile.exitCode(), compile.stderr());
    Path output = DIRECTORY.resolve("out-" + flags.replaceAll("[^a-z]", "") + ".wasm");
    List<String> command = new ArrayList<>(List.of(LinkHarness.ourLinker().toString()));
    command.addAll(List.of(flags.split(" ")));
    command.addAll(List.of("--no-entry", "--export=get", object.toString(), "-o", output.toString()));
    Tools.Result link = Tools.run(command, null, Map.of(), Duration.ofMinutes(1));
    assertEquals(1, link.exitCode(), link.stderr());
    List<String> lines = link.stderr().lines().toList();
    assertEquals(1, lines.size(), link.stderr());
    assertTrue(lines.get(0).startsWith("wasm-ld: error: ") && lines.get(0).endsWith(message), lines.get(0));
    assertFalse(Files.exists(output), "an output file was left");
  }
}
