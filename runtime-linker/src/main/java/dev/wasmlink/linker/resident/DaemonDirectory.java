package dev.wasmlink.linker.resident;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The directory the daemon's socket lives in ({@code /tmp/wasmlink-UID} unless {@code WASMLINK_DAEMON_DIR} says
 * otherwise): owned by the user and closed to everyone else (mode 0700), so that only the user's own processes can
 * reach the socket and have links run with the user's rights. A directory that is someone else's, a symbolic link or
 * open to others is refused, never repaired: another user may have made it to catch our links.
 */
final class DaemonDirectory {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final Path path;

  private DaemonDirectory(Path path) {
    this.path = path;
  }

  /** Makes the directory if it is missing, then checks that it is safe. */
  static DaemonDirectory open(Path path) throws IOException {
    try {
      Files.createDirectory(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      // The umask may have taken bits away; none can have been added, but say exactly what is meant.
      Files.setPosixFilePermissions(path, OWNER_ONLY);
    } catch (FileAlreadyExistsException e) {
      // Checked below like any existing directory.
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(path + " is not a directory");
    }
    UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
    if (!owner.equals(currentUser())) {
      throw new IOException(path + " belongs to " + owner.getName() + ", not to this user");
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    if (!permissions.equals(OWNER_ONLY)) {
      throw new IOException(path + " is open to other users (" + PosixFilePermissions.toString(permissions)
          + "); it must be rwx------");
    }
    return new DaemonDirectory(path);
  }

  /** The user this process runs as: Linux's {@code /proc/self} belongs to it. */
  static UserPrincipal currentUser() throws IOException {
    return Files.getOwner(Path.of("/proc/self"));
  }

  /** The socket of a daemon for the jar of this identity. */
  Path socket(JarIdentity identity) {
    return path.resolve(identity.value() + ".sock");
  }

  Path path() {
    return path;
  }
}
