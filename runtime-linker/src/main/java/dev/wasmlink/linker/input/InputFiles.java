package dev.wasmlink.linker.input;

import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.ObjectReader;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens input files: objects, archives and Rust rlibs. */
public final class InputFiles {
  private InputFiles() {}

  /** The whole file; a missing or unreadable file is an {@link InputException} in the linker's words. */
  public static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputException("cannot open " + path + ": No such file or directory");
    } catch (IOException e) {
      throw new InputException("cannot open " + path + ": " + e.getMessage());
    }
  }

  /**
   * Whether an archive member is Rust crate metadata ({@code lib.rmeta} in an rlib): not an object, and skipped as
   * wasm-ld 14 did, while any other member that is not an object is an error.
   */
  public static boolean isRustMetadata(ArchiveMember member) {
    return member.name().endsWith(".rmeta");
  }

  /** Reads the object an archive member holds. */
  public static ObjectFile readMember(Archive archive, ArchiveMember member) {
    return ObjectReader.read(member.data(), archive.locationOf(member));
  }

  /** Reads a file that is a single object. */
  public static ObjectFile readObject(byte[] bytes, String fileName) {
    return ObjectReader.read(ByteSlice.of(bytes), InputLocation.ofFile(fileName));
  }
}
