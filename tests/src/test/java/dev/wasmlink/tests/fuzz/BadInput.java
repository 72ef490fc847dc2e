package dev.wasmlink.tests.fuzz;

import dev.wasmlink.linker.diagnostics.LinkFailedException;
import dev.wasmlink.linker.input.InputException;
import dev.wasmlink.linker.options.CommandLineException;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.reloc.RelocationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a fuzz target may end in besides success: the exceptions through which wasmlink reports bad input, each
 * of which the command line turns into one {@code error:} line (see {@code cli/Failures}). Anything else that
 * escapes a target (a NullPointerException, an IndexOutOfBoundsException, an OutOfMemoryError, a StackOverflowError
 * ...) is a bug in the linker and a finding: it is not caught here.
 */
final class BadInput {
  private BadInput() {}

  /** Runs {@code action}, letting only the linker's own bad-input exceptions pass. */
  static void expectSuccessOrError(Runnable action) {
    try {
      action.run();
    } catch (MalformedInputException | InputException | RelocationException e) {
      // Bad input, reported as such: the contract holds.
      requireOneLine(e.getMessage());
    } catch (CommandLineException e) {
      e.errors().forEach(BadInput::requireOneLine);
    } catch (LinkFailedException e) {
      // A link's diagnostics are wasm-ld's: an error line, sometimes followed by ">>> " lines that explain it.
      if (e.diagnostics().errors().isEmpty()) {
        throw new AssertionError("a failed link must report at least one error");
      }
    }
  }

  /** The message becomes one error line: it must be there and hold no line break. */
  private static void requireOneLine(String message) {
    if (message == null || message.isEmpty() || message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
      throw new AssertionError("an error message must be one non-empty line, got: " + message);
    }
  }

  /** A writer that drops everything, for output a target does not look at. */
  static PrintWriter discard() {
    return new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
  }

  /**
   * A directory for the files a target must write (the linker reads its inputs from files), in memory where the
   * machine has {@code /dev/shm}; it is removed when the JVM exits.
   */
  static Path scratchDirectory(String prefix) {
    try {
      Path shm = Path.of("/dev/shm");
      Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, prefix)
          : Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort, at exit
    }
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
