package dev.wasmlink.linker.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code wasm-ld}: the drop-in entry point clang, emcc and rustc call. Linking itself is not part of this build yet:
 * the command line is answered honestly with an error rather than with a half-made module.
 */
public final class WasmLdMain {
  private WasmLdMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int status = Failures.run("wasm-ld", err, () -> {
      for (String arg : args) {
        if (arg.equals("--version") || arg.equals("-v")) {
          out.println("wasmlink " + Main.VERSION + " (wasm-ld compatible)");
          return 0;
        }
      }
      throw new UsageException("linking is not available in this build yet: objects can be inspected with"
          + " 'wasmlink dump'");
    });
    out.flush();
    return status;
  }
}
