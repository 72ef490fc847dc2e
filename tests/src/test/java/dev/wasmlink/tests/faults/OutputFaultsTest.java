package dev.wasmlink.tests.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user sees from {@code bin/wasm-ld} when the output cannot be written or an input is gone: one
 * {@code wasm-ld: error:} line in the C library's words (wasm-ld's own where it has them), exit status 1, no partial or
 * temporary file, and an existing output untouched. A full disk and a read-only directory are real: small
 * {@code tmpfs} mounts when the tests run as root (as CI does); SIGINT and SIGTERM are sent to a running link.
 */
class OutputFaultsTest {
  private static final String PREVIOUS = "the previous link's output";

  @TempDir static Path work;
  private static Path program;
  private static Path bigData;

  @BeforeAll
  static void compile() throws IOException {
    Path clang = Tools.require("clang-19", "clang-19");
    program = work.resolve("main.o");
    Files.writeString(work.resolve("main.c"), "int main(void) { return 0; }\n");
    compileC(clang, work.resolve("main.c"), program);
    // 24 MiB of initialized data: an output larger than a small tmpfs, and a link long enough to interrupt.
    bigData = work.resolve("big.o");
    Files.writeString(work.resolve("big.c"), """
        char big[24 << 20] = {1, 2, 3};
        int main(void) { return big[7]; }
        """);
    compileC(clang, work.resolve("big.c"), bigData);
  }

  private static void compileC(Path clang, Path source, Path object) {
    Tools.Result result = Tools.run(List.of(clang.toString(), "--target=wasm32-wasi", "-c", source.toString(), "-o",
        object.toString()));
    assertEquals(0, result.exitCode(), result.stderr());
  }

  @Test
  void anOutputPathThatIsADirectory(@TempDir Path dir) throws IOException {
    Path output = Files.createDirectory(dir.resolve("out.wasm"));
    Tools.Result result = link(dir, program, output, "--no-entry");
    assertOneError(result, "cannot open output file " + output + ": Is a directory");
    assertEquals(List.of(), filesIn(output));
  }

  @Test
  void anOutputDirectoryThatDoesNotExist(@TempDir Path dir) {
    Path output = dir.resolve("missing/out.wasm");
    assertOneError(link(dir, program, output, "--no-entry"),
        "cannot open output file " + output + ": No such file or directory");
  }

  @Test
  void aReadOnlyOutputDirectory(@TempDir Path dir) throws IOException {
    Path mount = Files.createDirectory(dir.resolve("ro"));
    Path output = mount.resolve("out.wasm");
    String reason;
    if (isRoot()) {
      // Root may write into any mode-0555 directory: only a read-only file system stops it.
      mount(mount, "ro,size=64k");
      reason = "Read-only file system";
    } else {
      Files.setPosixFilePermissions(mount, PosixFilePermissions.fromString("r-xr-xr-x"));
      reason = "Permission denied";
    }
    try {
      assertOneError(link(dir, program, output, "--no-entry"), "cannot open output file " + output + ": " + reason);
      assertEquals(List.of(), filesIn(mount));
    } finally {
      if (isRoot()) {
        unmount(mount);
      } else {
        Files.setPosixFilePermissions(mount, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  @Test
  void aFullDiskLeavesThePreviousOutputAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    assumeTrue(isRoot(), "a full disk is a small tmpfs, which only root can mount");
    Path mount = Files.createDirectory(dir.resolve("small"));
    mount(mount, "size=1m");
    try {
      Path output = mount.resolve("out.wasm");
      Files.writeString(output, PREVIOUS);
      assertOneError(link(dir, bigData, output, "--no-entry", "--export=big"),
          "cannot write output file " + output + ": No space left on device");
      assertEquals(PREVIOUS, Files.readString(output));
      assertEquals(List.of(output), filesIn(mount));
    } finally {
      unmount(mount);
    }
  }

  @Test
  void anInputGoneBeforeItIsReadLeavesThePreviousOutput(@TempDir Path dir) throws IOException {
    Path output = dir.resolve("out.wasm");
    Files.writeString(output, PREVIOUS);
    Path gone = dir.resolve("gone.o");
    Files.copy(program, gone);
    Path response = dir.resolve("args.rsp");
    Files.writeString(response, gone + "\n");
    Files.delete(gone);
    Tools.Result result = Tools.run(List.of(LinkHarness.ourLinker().toString(), "@" + response, "-o",
        output.toString(), "--no-entry"), dir, Map.of(), Duration.ofMinutes(2));
    assertOneError(result, "cannot open " + gone + ": No such file or directory");
    assertEquals(PREVIOUS, Files.readString(output));
    assertEquals(List.of(response, output), filesIn(dir));
  }

  /**
   * Signals at moments spread over a whole link (measured first): each interrupted link leaves either no output or
   * the complete one, and never a temporary file.
   */
  @Test
  void sigintAndSigtermDuringALinkLeaveNoPartialOrTemporaryFile(@TempDir Path dir) throws Exception {
    // The same file name: it lands in the module's name section.
    Path reference = Files.createDirectory(dir.resolve("reference")).resolve("out.wasm");
    long start = System.nanoTime();
    Tools.Result whole = link(dir, bigData, reference, "--no-entry", "--export=big");
    long linkMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, whole.exitCode(), whole.stderr());
    byte[] expected = Files.readAllBytes(reference);
    int interrupted = 0;
    for (int trial = 0; trial < 12; trial++) {
      Path attempt = Files.createDirectory(dir.resolve("attempt" + trial));
      Path output = attempt.resolve("out.wasm");
      Process process = new ProcessBuilder(LinkHarness.ourLinker().toString(), bigData.toString(), "-o",
          output.toString(), "--no-entry", "--export=big")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(linkMillis * (trial + 1) / 13);
      String signal = trial % 2 == 0 ? "INT" : "TERM";
      // To the JVM, which bash's exec made the launcher's process.
      Tools.run(List.of("kill", "-" + signal, Long.toString(process.pid())));
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the link did not stop after SIG" + signal);
      List<Path> left = filesIn(attempt);
      if (left.isEmpty()) {
        interrupted++;
      } else {
        assertEquals(List.of(output), left, "after SIG" + signal + " at trial " + trial);
        assertArrayEquals(expected, Files.readAllBytes(output), "a partial output after SIG" + signal);
      }
    }
    assertTrue(interrupted > 0, "no signal arrived before the link ended: the test did not interrupt anything");
  }

  private static Tools.Result link(Path dir, Path object, Path output, String... flags) {
    List<String> command = new ArrayList<>(List.of(LinkHarness.ourLinker().toString(), object.toString(), "-o",
        output.toString()));
    command.addAll(List.of(flags));
    return Tools.run(command, dir, Map.of(), Duration.ofMinutes(2));
  }

  private static void assertOneError(Tools.Result result, String message) {
    assertEquals(1, result.exitCode(), () -> "exit status; stderr:\n" + result.stderr());
    assertEquals(List.of("wasm-ld: error: " + message), result.stderr().lines().toList());
    assertFalse(result.stderr().contains("Exception"), result.stderr());
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void mount(Path directory, String options) {
    Tools.Result result = Tools.run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", directory.toString()));
    assertEquals(0, result.exitCode(), () -> "cannot mount a tmpfs as root: " + result.stderr());
  }

  private static void unmount(Path directory) {
    Tools.run(List.of("umount", directory.toString()));
  }

  private static List<Path> filesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
