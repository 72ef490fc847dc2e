package dev.wasmlink.linker.cli;

import java.io.PrintWriter;

/**
 * Prints diagnostics as wasm-ld prints them: {@code wasm-ld: error: message} and {@code wasm-ld: warning: message},
 * the word in colour with {@code --color-diagnostics=always} (red for errors, magenta for warnings), and after
 * {@code --error-limit} errors (20 by default, 0 for none) one line saying the rest are not shown.
 */
final class DiagnosticPrinter {
  private static final String RED = "\033[0;31m";
  private static final String MAGENTA = "\033[0;35m";
  private static final String RESET = "\033[0m";

  private final String tool;
  private final PrintWriter err;
  private final boolean color;
  private final int errorLimit;
  private int errors;

  DiagnosticPrinter(String tool, PrintWriter err, boolean color, int errorLimit) {
    this.tool = tool;
    this.err = err;
    this.color = color;
    this.errorLimit = errorLimit;
  }

  void warning(String message) {
    err.println(tool + ": " + label("warning", MAGENTA) + message);
  }

  /** Prints an error, unless the limit has been reached; the error that reaches it is followed by wasm-ld's notice. */
  void error(String message) {
    if (errorLimit > 0 && errors >= errorLimit) {
      return;
    }
    errors++;
    err.println(tool + ": " + label("error", RED) + message);
    if (errors == errorLimit) {
      err.println(tool + ": " + label("error", RED)
          + "too many errors emitted, stopping now (use -error-limit=0 to see all errors)");
    }
  }

  private String label(String word, String colour) {
    return color ? colour + word + ": " + RESET : word + ": ";
  }
}
