package dev.wasmlink.linker.write;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A new, empty file beside an output, named after it, this process and a counter ({@code out.wasm.4711-1.tmp}).
 * {@link Files#createTempFile} would pick a random name instead, and its first use in a JVM seeds a
 * {@code SecureRandom}: measured, 10 ms of a one-shot link, spent before anything is read. The process id keeps
 * processes apart, the counter a resident linker's concurrent links; a name left by a process that died is skipped.
 */
final class TemporaryFile {
  private static final long PROCESS = ProcessHandle.current().pid();
  private static final AtomicLong COUNTER = new AtomicLong();
  /** Names tried before giving up: only a directory full of our own leftovers uses more than one or two. */
  private static final int ATTEMPTS = 1000;

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private TemporaryFile() {}

  /** Creates the file (readable and writable by its owner alone, as a temporary file should be) and returns it. */
  static Path createBeside(Path directory, String outputName) throws IOException {
    FileAlreadyExistsException taken = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Path candidate = directory.resolve(outputName + "." + PROCESS + "-" + COUNTER.incrementAndGet() + ".tmp");
      try {
        return isPosix(directory) ? Files.createFile(candidate, OWNER_ONLY) : Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        taken = e;
      }
    }
    throw taken;
  }

  private static boolean isPosix(Path directory) {
    return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
