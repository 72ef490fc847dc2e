package dev.wasmlink.linker.write;

import dev.wasmlink.linker.input.InputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Puts the output module on disk so that no reader ever sees half of it, and no failed link leaves a file. */
public final class OutputFile {
  private OutputFile() {}

  /** A module is a program: rwxr-xr-x, as wasm-ld leaves it (a temporary file starts as rw-------). */
  private static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its default permissions stand.
    }
  }

  /** Writes to a temporary file beside the output, then moves it into place: no half-written module is ever seen. */
  public static void writeAtomically(Path output, byte[] module) {
    Path directory = output.toAbsolutePath().getParent();
    try {
      Path temporary = Files.createTempFile(directory, output.getFileName().toString(), ".tmp");
      try {
        Files.write(temporary, module);
        makeExecutable(temporary);
        try {
          Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new InputException("cannot open output file " + output + ": " + e.getMessage());
    }
  }
}
