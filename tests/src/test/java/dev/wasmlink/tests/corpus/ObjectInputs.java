package dev.wasmlink.tests.corpus;

import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveMember;
import dev.wasmlink.linker.input.ArchiveReader;
import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.object.ObjectFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Objects to test with: corpus files, and archive members read in place or extracted to files for other tools. */
public final class ObjectInputs {
  private ObjectInputs() {}

  public static ObjectFile read(Path file) {
    try {
      return InputFiles.readObject(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every object member of an archive, read in place. */
  public static List<ObjectFile> members(Path archivePath) {
    Archive archive = archive(archivePath);
    List<ObjectFile> objects = new ArrayList<>();
    for (ArchiveMember member : archive.members()) {
      if (!InputFiles.isRustMetadata(member)) {
        objects.add(InputFiles.readMember(archive, member));
      }
    }
    return objects;
  }

  /**
   * Every member written to its own file under {@code directory} (numbered, since archives may repeat a name), for
   * tools that do not read archives.
   */
  public static List<Path> extract(Path archivePath, Path directory) {
    Archive archive = archive(archivePath);
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      int number = 0;
      for (ArchiveMember member : archive.members()) {
        Path file = directory.resolve(String.format("%04d-%s", number++, member.name()));
        Files.write(file, member.data().toByteArray());
        files.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static Archive archive(Path path) {
    try {
      return ArchiveReader.read(Files.readAllBytes(path), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
