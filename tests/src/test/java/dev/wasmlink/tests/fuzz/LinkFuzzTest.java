package dev.wasmlink.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlink.linker.cli.WasmLdMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A whole link of one fuzzed object against a fixed wasi-libc member ({@code strlen.o}), through wasm-ld's command
 * line: symbol resolution, comdats, layout, thread-local storage, relocation and writing. The flags that steer the
 * link down different stages come from the first byte of the input:
 *
 * <pre>
 *   bit 0  --shared-memory --max-memory=131072     bit 4  --no-gc-sections
 *   bit 1  -pie --experimental-pic                 bit 5  --import-memory
 *   bit 2  --emit-relocs                           bit 6  --export-all
 *   bit 3  -r (relocatable output)                 bit 7  --unresolved-symbols=import-dynamic
 * </pre>
 *
 * and the rest of the input is the object. A link either writes its output or reports errors ({@code wasm-ld:
 * error:} lines, status 1); any exception other than the linker's bad-input ones is a finding.
 */
class LinkFuzzTest {
  private static final Path DIR = BadInput.scratchDirectory("wasmlink-fuzz-link");
  private static final Path OBJECT = DIR.resolve("fuzz.o");
  private static final Path LIBC_MEMBER = DIR.resolve("strlen.o");
  private static final Path OUTPUT = DIR.resolve("out.wasm");

  static {
    try (InputStream in = LinkFuzzTest.class.getResourceAsStream("libc-strlen.o")) {
      BadInput.write(LIBC_MEMBER, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void linkAgainstLibcMember(byte[] data) {
    int flags = data.length > 0 ? data[0] & 0xFF : 0;
    BadInput.write(OBJECT, data.length > 0 ? Arrays.copyOfRange(data, 1, data.length) : data);
    List<String> args = new ArrayList<>(List.of(OBJECT.toString(), LIBC_MEMBER.toString(), "-o", OUTPUT.toString()));
    if ((flags & 0x08) == 0) {
      args.add("--no-entry");
    }
    addIf(args, flags, 0x01, "--shared-memory", "--max-memory=131072");
    addIf(args, flags, 0x02, "-pie", "--experimental-pic");
    addIf(args, flags, 0x04, "--emit-relocs");
    addIf(args, flags, 0x08, "-r");
    addIf(args, flags, 0x10, "--no-gc-sections");
    addIf(args, flags, 0x20, "--import-memory");
    addIf(args, flags, 0x40, "--export-all");
    addIf(args, flags, 0x80, "--unresolved-symbols=import-dynamic");
    BadInput.expectSuccessOrError(() -> WasmLdMain.link(args, BadInput.discard(), BadInput.discard()));
  }

  private static void addIf(List<String> args, int flags, int bit, String... options) {
    if ((flags & bit) != 0) {
      args.addAll(List.of(options));
    }
  }
}
