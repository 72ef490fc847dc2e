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
 * memory, where wasm-ld 19 makes {@code __tls_base} an immutable 0 that misses the module's data; and memory laid out
 * past 4 GiB, where wasm-ld 19 declares more than the 65536 pages a 32-bit memory can have. Each is refused with one
 * {@code wasm-ld: error:} line, exit status 1 and no output file.
 */
class UnsupportedOutputsTest {
  private static final Path DIRECTORY = LinkHarness.ROOT.resolve("tests/target/unsupported-outputs");

  /**
   * Four 4-byte segments, one per object (an object's own segment offsets must fit an i32), each aligned to 1 GiB:
   * the fourth starts at 3 GiB, so the stack after it ends past 4 GiB. Whether the segments are zeros (not written)
   * or data, and merged into one output segment or not, the link must stop at the memory's size.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {".bss | --no-merge-data-segments", ".bss | --merge-data-segments",
      ".data | --no-merge-data-segments", ".data | --merge-data-segments"})
  void memoryPast4GiBIsRefused(String section, String merge) throws Exception {
    Path directory = DIRECTORY.resolve("past-4gib" + section + merge);
    Files.createDirectories(directory);
    List<String> command = new ArrayList<>(List.of(LinkHarness.ourLinker().toString(), "--no-entry",
        "--no-gc-sections", merge));
    for (int i = 1; i <= 4; i++) {
      Path source = directory.resolve("v" + i + ".s");
      Files.writeString(source, "\t.section\t" + section + ".v" + i + ",\"\",@\n\t.globl\tv" + i
          + "\n\t.p2align\t30\nv" + i + ":\n\t.int32\t0\n\t.size\tv" + i + ", 4\n");
      Path object = directory.resolve("v" + i + ".o");
      Tools.Result assemble = Tools.run(List.of(Tools.require("llvm-mc-19", "llvm-19").toString(),
          "-triple=wasm32-unknown-unknown", "-filetype=obj", source.toString(), "-o", object.toString()));
      assertEquals(0, assemble.exitCode(), assemble.stderr());
      command.add(object.toString());
    }
    Path output = directory.resolve("out.wasm");
    Files.deleteIfExists(output); // from an earlier run, perhaps of a linker that wrote it
    command.addAll(List.of("-o", output.toString()));
    Tools.Result link = Tools.run(command, null, Map.of(), Duration.ofMinutes(1));
    assertEquals(1, link.exitCode(), link.stderr());
    assertEquals(List.of("wasm-ld: error: initial memory too large, cannot be greater than 4294967296"),
        link.stderr().lines().toList());
    assertFalse(Files.exists(output), "an output file was left");
  }

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
