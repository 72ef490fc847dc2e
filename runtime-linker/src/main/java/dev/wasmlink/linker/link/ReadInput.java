package dev.wasmlink.linker.link;

import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveReader;
import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.input.SharedLibrary;
import dev.wasmlink.linker.input.StubLibrary;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.symbols.InputObject;
import java.nio.file.Path;

/**
 * One command-line input, read and decoded as far as its bytes alone allow: an object checked and read for linking,
 * an archive's member list and symbol index, a lazy object or shared library decoded. What it means to the link is
 * for {@link InputStage} to settle, in command-line order.
 */
record ReadInput(Kind kind, byte[] bytes, Archive archive, ObjectFile module, InputObject object) {
  enum Kind { STUB_LIBRARY, ARCHIVE, LAZY_OBJECT, SHARED_LIBRARY, OBJECT }

  static ReadInput of(LinkInput input, Path workingDirectory) {
    byte[] bytes = InputFiles.read(input.path(), workingDirectory);
    String name = input.path().toString();
    if (StubLibrary.is(bytes)) {
      return new ReadInput(Kind.STUB_LIBRARY, bytes, null, null, null);
    }
    if (ArchiveReader.isArchive(bytes)) {
      return new ReadInput(Kind.ARCHIVE, bytes, ArchiveReader.read(bytes, name), null, null);
    }
    if (input.lazy()) {
      return new ReadInput(Kind.LAZY_OBJECT, bytes, null, InputFiles.readObject(bytes, name), null);
    }
    ObjectFile module = InputFiles.readModule(bytes, name);
    if (SharedLibrary.is(module)) {
      return new ReadInput(Kind.SHARED_LIBRARY, bytes, null, module, null);
    }
    return new ReadInput(Kind.OBJECT, bytes, null, module, InputObject.of(module));
  }
}
