package dev.wasmlink.tests.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The external tools the tests compare against (clang-19, llvm-mc-19, obj2yaml-19, wasm-objdump, ...), run as
 * processes. A missing tool fails the test with the Debian package to install: these tests must not pass by
 * skipping.
 */
public final class Tools {
  private Tools() {}

  /** The result of one run. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** The tool's path, or a test failure naming the package that provides it. */
  public static Path require(String command, String debianPackage) {
    for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(command + " is not installed; run bin/test-setup (apt-get install " + debianPackage + ")");
  }

  /** Runs a command to completion (at most two minutes) and returns what it printed. */
  public static Result run(List<String> command) {
    return run(command, null, Map.of(), Duration.ofMinutes(2));
  }

  /**
   * Runs a command in {@code workingDirectory} (this process's own when null) with {@code environment} added to
   * this process's, and returns what it printed. Past {@code timeout} it and every process it started are killed
   * and the test fails: a linker or program that hangs must not hold the build for long.
   */
  public static Result run(List<String> command, Path workingDirectory, Map<String, String> environment,
      Duration timeout) {
    try {
      Path stdout = Files.createTempFile("wasmlink-tool", ".out");
      Path stderr = Files.createTempFile("wasmlink-tool", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        if (workingDirectory != null) {
          builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
          if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return fail("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                + "\nstdout:\n" + Files.readString(stdout, StandardCharsets.UTF_8) + "stderr:\n"
                + Files.readString(stderr, StandardCharsets.UTF_8));
          }
        } catch (InterruptedException e) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          Thread.currentThread().interrupt();
          return fail("interrupted: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      return fail("cannot run " + command + ": " + e);
    }
  }

  /** Runs a command that must succeed, and returns its standard output. */
  public static String output(List<String> command) {
    Result result = run(command);
    if (result.exitCode() != 0) {
      fail(String.join(" ", command) + " exited " + result.exitCode() + ": " + result.stderr());
    }
    return result.stdout();
  }

  static List<String> command(Object... parts) {
    List<String> command = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> list) {
        list.forEach(item -> command.add(item.toString()));
      } else {
        command.add(part.toString());
      }
    }
    return command;
  }
}
