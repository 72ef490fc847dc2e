package dev.wasmlink.linker.resident;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Which build of the linker a daemon runs: the jar's inode, size and modification time, as the client computes them
 * ({@code resident-client.c} prints the same string from {@code stat}). A rebuilt jar has another identity, so a
 * client never talks to a daemon of an older build: it finds no socket of its identity and links one-shot, and the
 * old daemon, seeing its jar change, leaves.
 */
record JarIdentity(Path jar, String value) {

  /** The jar this class was loaded from. */
  static JarIdentity ofThisJar() throws IOException {
    try {
      Path jar = Path.of(JarIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return of(jar);
    } catch (URISyntaxException e) {
      throw new IOException("cannot tell which jar the daemon runs", e);
    }
  }

  static JarIdentity of(Path jar) throws IOException {
    long inode = ((Number) Files.getAttribute(jar, "unix:ino")).longValue();
    long size = Files.size(jar);
    Instant modified = ((FileTime) Files.getAttribute(jar, "unix:lastModifiedTime")).toInstant();
    return new JarIdentity(jar, String.format("%x-%x-%x.%09d", inode, size, modified.getEpochSecond(),
        modified.getNano()));
  }

  /** Whether the jar on disk is still this one. */
  boolean isCurrent() {
    try {
      return of(jar).value.equals(value);
    } catch (IOException e) {
      return false;
    }
  }
}
