package dev.wasmlink.tests.malformed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher, {@code bin/wasmlink}, on a malformed object: what a user sees. It runs the shaded jar
 * {@code runtime-linker/target/wasmlink.jar}, built by {@code mvn package}; without it this test is skipped.
 */
class MalformedThroughLauncherTest {
  @TempDir Path dir;

  @Test
  void launcherReportsAMalformedObjectInOneLineWithExitStatus1() throws IOException, InterruptedException {
    Path root = repositoryRoot();
    Path launcher = root.resolve("bin/wasmlink");
    assertTrue(Files.isRegularFile(launcher), "no launcher at " + launcher);
    Path jar = root.resolve("runtime-linker/target/wasmlink.jar");
    assertTrue(Files.isRegularFile(jar), "the shaded jar " + jar + " is not built (mvn package -pl runtime-linker)");

    // A TYPE section whose count is an over-long LEB at offset 0x0a.
    Path file = Dump.write(dir, "bad.o",
        WasmBytes.object().raw(0x01, 0x06, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00));
    ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "dump", file.toString());
    builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().remove("WASMLINK_DEBUG");
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish in 120 s");

    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    List<String> lines = err.lines().toList();
    assertEquals(1, process.exitValue(), () -> "exit status; stderr:\n" + err);
    assertEquals(1, lines.size(), () -> "stderr should be one line:\n" + err);
    assertEquals("wasmlink: error: " + file + ": section TYPE at offset 0xa: LEB128 is longer than 5 bytes",
        lines.get(0));
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
  }

  /** The system property the tests pom sets, or the parent of the working directory (the tests module). */
  static Path repositoryRoot() {
    String property = System.getProperty("wasmlink.root");
    Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("..");
    root = root.toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("bin/wasmlink")) && Files.isRegularFile(Path.of("bin/wasmlink"))) {
      root = Path.of("").toAbsolutePath();
    }
    return root;
  }
}
