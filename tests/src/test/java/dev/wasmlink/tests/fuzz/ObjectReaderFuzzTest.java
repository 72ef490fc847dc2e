package dev.wasmlink.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlink.linker.input.SharedLibrary;
import dev.wasmlink.linker.object.ObjectChecker;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.ObjectReader;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;

/**
 * The object reader and checker on arbitrary bytes, as the linker's input stage reads a file: the section table,
 * then a shared library's exports ({@link SharedLibrary}), or for an object every section decoded (the generated
 * decoders), every cross-section check ({@link ObjectChecker}: indices, relocations, symbols, segments) and the
 * linker's own reading of what passed ({@link InputObject}: imports, functions, segments, relocations sorted into
 * them), which trusts the checker. Seeds: objects from clang-19 (plain, -g, -fPIC,
 * -pthread, thread-locals), emcc, rustc and libc members.
 */
class ObjectReaderFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void readAndCheck(byte[] data) {
    BadInput.expectSuccessOrError(() -> {
      ObjectFile object = ObjectReader.read(ByteSlice.of(data), InputLocation.ofFile("fuzz.o"));
      // As the linker's input stage reads a file: a shared library for what it provides, else an object, checked.
      if (SharedLibrary.is(object)) {
        SharedLibrary.read(object);
      } else {
        InputObject.of(object);
      }
    });
  }
}
