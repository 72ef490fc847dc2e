package dev.wasmlink.tests.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real-world archives the corpus tests read: Debian's wasi-libc and emscripten's threaded libc. */
public final class SystemLibraries {
  public static final Path WASI_LIBC = Path.of("/usr/lib/wasm32-wasi/libc.a");
  public static final Path EMSCRIPTEN_LIBC_MT =
      Path.of("/usr/share/emscripten/cache/sysroot/lib/wasm32-emscripten/libc-mt.a");

  private SystemLibraries() {}

  /** Both archives; a missing one fails with the package to install. */
  public static List<Path> all() {
    assertTrue(Files.isRegularFile(WASI_LIBC), WASI_LIBC + " is missing; run bin/test-setup (apt-get install"
        + " wasi-libc)");
    assertTrue(Files.isRegularFile(EMSCRIPTEN_LIBC_MT), EMSCRIPTEN_LIBC_MT + " is missing; run bin/test-setup"
        + " (apt-get install emscripten)");
    return List.of(WASI_LIBC, EMSCRIPTEN_LIBC_MT);
  }
}
