package dev.wasmlink.linker.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs LLVM's own wasm-ld 19 (bin/test-setup installs it) on the command lines this parser rejects and on response
 * files, and checks that both agree. Skipped where wasm-ld-19 is not installed.
 */
class LldConformanceTest {

  /** A relocatable object with nothing in it but an empty linking section: enough for lld to get past its inputs. */
  private static final byte[] EMPTY_OBJECT = {
      0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00, 0x00, 0x09, 0x07, 'l', 'i', 'n', 'k', 'i', 'n', 'g', 0x02};

  private static Path lld;

  @TempDir Path dir;

  @BeforeAll
  static void findLld() {
    lld = onPath("wasm-ld-19");
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Runs lld in {@link #dir}; its standard error. */
  private String runLld(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(lld.toString());
    command.addAll(args);
    Path err = dir.resolve("lld.err");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("wasm-ld-19 did not finish: " + args);
    }
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  static Stream<Arguments> rejected() {
    return CommandLineErrorsTest.firstErrors();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void lldReportsTheSameError(List<String> args, String message) throws Exception {
    assertTrue(lld != null, "wasm-ld-19 is not installed; run bin/test-setup (apt-get install lld-19)");
    CommandLineException ours = assertThrows(CommandLineException.class, () -> WasmLdCommandLine.parse(args, dir));

    // lld reports some of these only once it has read its inputs and has an output: give it both, unless the case
    // is about a missing value at the very end.
    Files.write(dir.resolve("empty.o"), EMPTY_OBJECT);
    List<String> lldArgs = new ArrayList<>();
    lldArgs.add("--error-limit=0");
    lldArgs.addAll(args);
    if (!message.endsWith(": missing argument")) {
      lldArgs.addAll(List.of("empty.o", "-o", "out.wasm", "--no-entry"));
    }
    String stderr = runLld(lldArgs);

    assertTrue(stderr.contains("error: " + ours.getMessage() + "\n"),
        "ours: " + ours.getMessage() + "\nlld's:\n" + stderr);
  }

  @Test
  void lldSplitsPosixResponseFilesTheSameWay() throws Exception {
    assertTrue(lld != null, "wasm-ld-19 is not installed; run bin/test-setup (apt-get install lld-19)");
    Files.writeString(dir.resolve("p.rsp"),
        "a\\ b \"c d\" 'e f' g\"h i\"j 'k\\'l' \"m\\\"n\" o\\\\p '' q\"\" \"r s\"t u\tv\r\nw \"y");

    assertSameInputs(List.of("--rsp-quoting=posix", "@p.rsp"));
  }

  @Test
  void lldSplitsWindowsResponseFilesTheSameWay() throws Exception {
    assertTrue(lld != null, "wasm-ld-19 is not installed; run bin/test-setup (apt-get install lld-19)");
    Files.writeString(dir.resolve("w.rsp"),
        "a\\ b \"c d\" \"e\\\"f\" g\\\\\"h i\" j\\\\\\\\\"k l\" \"m\"\"n\" o\"\"p \"\" q\\\\r 'x y' \"s");

    assertSameInputs(List.of("--rsp-quoting=windows", "@w.rsp"));
  }

  @Test
  void lldExpandsNestedResponseFilesTheSameWay() throws Exception {
    assertTrue(lld != null, "wasm-ld-19 is not installed; run bin/test-setup (apt-get install lld-19)");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/outer.rsp"), "first @inner.rsp last");
    Files.writeString(dir.resolve("inner.rsp"), "'in ner' @inner2.rsp");
    Files.writeString(dir.resolve("inner2.rsp"), "deepest");

    assertSameInputs(List.of("@sub/outer.rsp", "after"));
  }

  /** Every argument that is not an option becomes an input lld cannot open; it names them all, in order. */
  private void assertSameInputs(List<String> args) throws Exception {
    List<String> ours = new ArrayList<>();
    for (InputArgument input : WasmLdCommandLine.parse(args, dir).inputs()) {
      ours.add(((FileInput) input).path().toString());
    }

    List<String> lldArgs = new ArrayList<>(List.of("--error-limit=0", "-o", "out.wasm"));
    lldArgs.addAll(args);
    List<String> theirs = new ArrayList<>();
    String prefix = "error: cannot open ";
    String suffix = ": No such file or directory";
    for (String line : runLld(lldArgs).split("\n")) {
      int at = line.indexOf(prefix);
      if (at >= 0 && line.endsWith(suffix)) {
        theirs.add(line.substring(at + prefix.length(), line.length() - suffix.length()));
      }
    }

    assertEquals(theirs, ours);
  }
}
