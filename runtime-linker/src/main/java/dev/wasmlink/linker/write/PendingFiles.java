package dev.wasmlink.linker.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Temporary files being written, removed if the JVM shuts down first: SIGINT and SIGTERM (Ctrl-C, a build tool
 * stopping its jobs) run the shutdown hooks, so an interrupted link leaves neither a temporary file nor an output.
 * Creating and removing hold one lock, so a file created while the hook runs cannot escape it: after the hook, none
 * is created.
 */
final class PendingFiles {
  /** This process's files, which its shutdown hook removes. */
  static final PendingFiles OF_THIS_PROCESS = new PendingFiles();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(OF_THIS_PROCESS::removeAll, "wasmlink-pending-files"));
  }

  private final Set<Path> pending = new LinkedHashSet<>();
  private boolean shuttingDown;

  /** Creates a temporary file in {@code directory} for an output named {@code name}, to remove at shutdown. */
  synchronized Path create(Path directory, String name) throws IOException {
    if (shuttingDown) {
      throw new IOException("interrupted");
    }
    Path temporary = TemporaryFile.createBeside(directory, name);
    pending.add(temporary);
    return temporary;
  }

  /** The temporary file is moved into place or removed: no longer the shutdown hook's to remove. */
  synchronized void done(Path temporary) {
    pending.remove(temporary);
  }

  /** Removes every temporary file still being written, and creates none after: the shutdown hook's work. */
  synchronized void removeAll() {
    shuttingDown = true;
    for (Path path : pending) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // Shutting down: nothing else can be done about it.
      }
    }
    pending.clear();
  }
}
