package dev.wasmlink.linker.write;

import dev.wasmlink.linker.diagnostics.IoReasons;
import dev.wasmlink.linker.input.InputException;
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
 * error line in the C library's words, as wasm-ld prints them. Messages name the output as the user wrote it; it is
 * resolved against the link's working directory only to be opened.
 */
public final class OutputFile {
  private final Path asWritten;
  private final Path location;
  private final StandardOutput standardOutput;

  /**
   * @param asWritten the output as the command line names it ({@code -} is standard output)
   * @param workingDirectory what a relative {@code asWritten} is relative to
   * @param standardOutput where {@code -} writes
   */
  public OutputFile(Path asWritten, Path workingDirectory, StandardOutput standardOutput) {
    this.asWritten = asWritten;
    this.location = workingDirectory.resolve(asWritten);
    this.standardOutput = standardOutput;
  }

  /** Writes the bytes to a stream: a file's, or in tests one that fails as a full disk does. */
  @FunctionalInterface
  public interface Sink {
    void write(OutputStream stream) throws IOException;
  }

  /**
   * Why the output cannot be written, or {@code null}: checked before the link starts, as wasm-ld does, so that a
   * long link does not end in a mistake of the command line. Creates and removes a temporary file beside it.
   */
  public String cannotCreate() {
    if (Files.isDirectory(location)) {
      return "Is a directory";
    }
    if (isWrittenInPlace()) {
      return null;
    }
    try {
      Path probe = TemporaryFile.createBeside(location.getParent(), location.getFileName().toString());
      Files.delete(probe);
      return null;
    } catch (IOException e) {
      return IoReasons.of(e);
    }
  }

  /** Writes {@code module} as the output, atomically. */
  public void write(byte[] module) {
    write(stream -> stream.write(module));
  }

  /**
   * Writes what {@code sink} writes as the output, atomically; a failure removes the temporary file, and so does a
   * caller that has gone away meanwhile.
   */
  public void write(Sink sink) {
    if (Files.isDirectory(location)) {
      throw cannotOpen("Is a directory");
    }
    if (isWrittenInPlace()) {
      writeInPlace(sink);
      return;
    }
    Path temporary;
    try {
      temporary = PendingFiles.OF_THIS_PROCESS.create(location.getParent(), location.getFileName().toString());
    } catch (IOException e) {
      throw cannotOpen(IoReasons.of(e));
    }
    try {
      try (OutputStream stream = Files.newOutputStream(temporary)) {
        sink.write(stream);
      }
      makeExecutable(temporary);
      if (standardOutput.callerGone()) {
        throw new InputException("interrupted: nobody waits for " + asWritten + " any more");
      }
      try {
        Files.move(temporary, location, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, location, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InputException("cannot write output file " + asWritten + ": " + IoReasons.of(e));
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // The disk refuses even this: nothing more to do.
      }
      PendingFiles.OF_THIS_PROCESS.done(temporary);
    }
  }

  /**
   * {@code -o -} (standard output, as with wasm-ld) or an existing file that is not a regular one: {@code /dev/null},
   * a FIFO, a terminal. Such a file is written where it is, as wasm-ld does: moving a file over it would replace the
   * device for every other program.
   */
  private boolean isWrittenInPlace() {
    return isStandardOutput()
        || Files.exists(location) && !Files.isRegularFile(location) && !Files.isDirectory(location);
  }

  private boolean isStandardOutput() {
    return asWritten.toString().equals("-");
  }

  private void writeInPlace(Sink sink) {
    try {
      if (isStandardOutput()) {
        standardOutput.write(sink);
      } else {
        try (OutputStream stream = Files.newOutputStream(location)) {
          sink.write(stream);
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot write output file " + asWritten + ": " + IoReasons.of(e));
    }
  }

  private InputException cannotOpen(String reason) {
    return new InputException("cannot open output file " + asWritten + ": " + reason);
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
