package dev.wasmlink.linker.input;

import dev.wasmlink.linker.diagnostics.IoReasons;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.ObjectReader;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens input files: objects, archives and Rust rlibs. */
public final class InputFiles {
  private InputFiles() {}

  /** The whole file; a missing or unreadable file is an {@link InputException} in the linker's words. */
  public static byte[] read(Path path) {
    return read(path, Path.of(""));
  }

  /**
   * The whole file {@code path} names relative to {@code workingDirectory} (the empty path: the JVM's own); messages
   * name it as written.
   */
  public static byte[] read(Path path, Path workingDirectory) {
    try {
      return Files.readAllBytes(workingDirectory.resolve(path));
    } catch (IOException e) {
      throw new InputException("cannot open " + path + ": " + IoReasons.of(e));
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
    return readModule(bytes, fileName);
  }

  /** Reads a file that is one wasm module: an object or a shared library ({@link SharedLibrary#is}). */
  public static ObjectFile readModule(byte[] bytes, String fileName) {
    return ObjectReader.read(ByteSlice.of(bytes), InputLocation.ofFile(fileName));
  }

  /**
   * Refuses, for linking, a wasm module that is not an object: a shared library inside an archive or a
   * {@code --start-lib} group, or a module with no {@code linking} section (a linked program, or the empty module),
   * which wasm-ld refuses in these words once the module reads well otherwise. ({@code dump} reads any module.)
   */
  public static ObjectFile requireRelocatable(ObjectFile object) {
    String name = object.location().input();
    if (SharedLibrary.is(object)) {
      throw new InputException(name + ": a shared library can only be linked as a file of its own, not in an archive"
          + " or between --start-lib and --end-lib");
    }
    if (object.customSection("linking").isEmpty()) {
      throw new InputException(name + ": not a relocatable wasm file");
    }
    return object;
  }
}
