package dev.wasmlink.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlink.linker.options.WasmLdCommandLine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * wasm-ld's command line read from response files: three files {@code a}, {@code b} and {@code c} whose contents
 * the fuzzer picks (they may name each other, themselves or missing files), expanded from {@code @a} with POSIX or
 * Windows quoting and then parsed as wasm-ld's options.
 *
 * <p>Input layout, so seeds can be written by hand: one byte whose low bit picks Windows quoting, then the contents
 * of {@code a}, {@code b} and {@code c} separated by the byte 0x01.
 */
class ResponseFileFuzzTest {
  private static final byte SEPARATOR = 0x01;
  private static final Path DIR = BadInput.scratchDirectory("wasmlink-fuzz-rsp");
  private static final String[] NAMES = {"a", "b", "c"};

  @FuzzTest(maxDuration = "5m")
  void parseCommandLine(byte[] data) {
    boolean windows = data.length > 0 && (data[0] & 1) != 0;
    int from = Math.min(1, data.length);
    for (int i = 0; i < NAMES.length; i++) {
      int to = i == NAMES.length - 1 ? data.length : indexOf(data, SEPARATOR, from);
      BadInput.write(DIR.resolve(NAMES[i]), Arrays.copyOfRange(data, from, to));
      from = Math.min(to + 1, data.length);
    }
    List<String> args = List.of("--rsp-quoting=" + (windows ? "windows" : "posix"), "@a");
    BadInput.expectSuccessOrError(() -> WasmLdCommandLine.parse(args, DIR));
  }

  private static int indexOf(byte[] data, byte value, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == value) {
        return i;
      }
    }
    return data.length;
  }
}
