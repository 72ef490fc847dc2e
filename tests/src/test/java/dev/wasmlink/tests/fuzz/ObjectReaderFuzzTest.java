package dev.wasmlink.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlink.linker.object.ObjectChecker;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.ObjectReader;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;

/**
 * The object reader and checker on arbitrary bytes: the section table, every section decoded (the generated
 * decoders), then every cross-section check ({@link ObjectChecker}: indices, relocations, symbols, segments). Seeds:
 * objects from clang-19 (plain, -g, -fPIC, -pthread, thread-locals), emcc, rustc and libc members.
 */
class ObjectReaderFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void readAndCheck(byte[] data) {
    BadInput.expectSuccessOrError(() -> {
      ObjectFile object = ObjectReader.read(ByteSlice.of(data), InputLocation.ofFile("fuzz.o"));
      ObjectChecker.check(object);
    });
  }
}
