package dev.wasmlink.linker.options;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file named on the command line: an object, an archive, or anything else the linker will have to recognise.
 *
 * @param path the path as written (relative paths are relative to the directory the linker runs in)
 * @param wholeArchive {@code --whole-archive} was in effect: every member of an archive is loaded
 * @param inLib the file stood between {@code --start-lib} and {@code --end-lib}: an object is loaded lazily, as if it
 *     were an archive member
 */
public record FileInput(Path path, boolean wholeArchive, boolean inLib) implements InputArgument {

  public FileInput {
    Objects.requireNonNull(path, "path");
  }

  /** A plain file, outside any {@code --whole-archive} or {@code --start-lib} group. */
  public static FileInput of(String path) {
    return new FileInput(Path.of(path), false, false);
  }
}
