package dev.wasmlink.linker.write;

import dev.wasmlink.linker.diagnostics.IoReasons;
import dev.wasmlink.linker.input.InputException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts the output module on disk so that no reader ever sees half of it, and no failed or interrupted link leaves a
 * file: the module is written to a temporary file beside the output and moved into place once complete. An existing
 * output is untouched until then. A full disk, a read-only directory or an output path that is a directory is one
 * error line in the C library's words, as wasm-ld prints them.
 */
public final class OutputFile {
  private OutputFile() {}

  /** Writes the bytes to a stream: a file's, or in tests one that fails as a full disk does. */
  @FunctionalInterface
  public interface Sink {
    void write(OutputStream stream) throws IOException;
  }

  /**
   * Why {@code output} cannot be written, or {@code null}: checked before the link starts, as wasm-ld does, so that a
   * long link does not end in a mistake of the command line. Creates and removes a temporary file beside it.
   */
  public static String cannotCreate(Path output) {
    if (Files.isDirectory(output)) {
      return "Is a directory";
    }
    if (isStandardOutput(output) || isSpecialFile(output)) {
      return null;
    }
    try {
      Path probe = Files.createTempFile(directoryOf(output), output.getFileName().toString(), ".tmp");
      Files.delete(probe);
      return null;
    } catch (IOException e) {
      return IoReasons.of(e);
    }
  }

  /** Writes {@code module} as the output, atomically. */
  public static void writeAtomically(Path output, byte[] module) {
    writeAtomically(output, stream -> stream.write(module));
  }

  /** Writes what {@code sink} writes as the output, atomically; a failure removes the temporary file. */
  public static void writeAtomically(Path output, Sink sink) {
    if (Files.isDirectory(output)) {
      throw cannotOpen(output, "Is a directory");
    }
    if (isStandardOutput(output) || isSpecialFile(output)) {
      writeInPlace(output, sink);
      return;
    }
    Path temporary;
    try {
      temporary = PendingFiles.OF_THIS_PROCESS.create(directoryOf(output), output.getFileName().toString());
    } catch (IOException e) {
      throw cannotOpen(output, IoReasons.of(e));
    }
    try {
      try (OutputStream stream = Files.newOutputStream(temporary)) {
        sink.write(stream);
      }
      makeExecutable(temporary);
      try {
        Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InputException("cannot write output file " + output + ": " + IoReasons.of(e));
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // The disk refuses even this: nothing more to do.
      }
      PendingFiles.OF_THIS_PROCESS.done(temporary);
    }
  }

  /** {@code -o -}: the module goes to standard output, as with wasm-ld. */
  private static boolean isStandardOutput(Path output) {
    return output.toString().equals("-");
  }

  /**
   * An existing file that is not a regular one: {@code /dev/null}, a FIFO, a terminal. It is written where it is, as
   * wasm-ld does: moving a file over it would replace the device for every other program.
   */
  private static boolean isSpecialFile(Path output) {
    return Files.exists(output) && !Files.isRegularFile(output) && !Files.isDirectory(output);
  }

  private static void writeInPlace(Path output, Sink sink) {
    try {
      if (isStandardOutput(output)) {
        OutputStream stream = new FileOutputStream(FileDescriptor.out);
        sink.write(stream);
        stream.flush();
      } else {
        try (OutputStream stream = Files.newOutputStream(output)) {
          sink.write(stream);
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot write output file " + output + ": " + IoReasons.of(e));
    }
  }

  private static InputException cannotOpen(Path output, String reason) {
    return new InputException("cannot open output file " + output + ": " + reason);
  }

  private static Path directoryOf(Path output) {
    return output.toAbsolutePath().getParent();
  }

  /** A module is a program: rwxr-xr-x, as wasm-ld leaves it (a temporary file starts as rw-------). */
  private static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its default permissions stand.
    }
  }
}
