package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.link.Diagnostics;
import dev.wasmlink.linker.link.LinkFailedException;
import dev.wasmlink.linker.link.Linker;
import dev.wasmlink.linker.options.LinkOptions;
import dev.wasmlink.linker.options.Usage;
import dev.wasmlink.linker.options.WasmLdCommandLine;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code wasm-ld}: the drop-in entry point clang, emcc and rustc call. Messages come as wasm-ld's
 * ({@code wasm-ld: error: ...}, {@code wasm-ld: warning: ...}); the exit status is 1 when the link failed, and then
 * no output file is written.
 */
public final class WasmLdMain {
  private WasmLdMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int status = Failures.run("wasm-ld", err, () -> link(Arrays.asList(args), out, err));
    out.flush();
    return status;
  }

  private static int link(List<String> args, PrintWriter out, PrintWriter err) {
    LinkOptions options = WasmLdCommandLine.parse(args);
    if (options.help()) {
      out.print(Usage.text("wasm-ld"));
      return 0;
    }
    if (options.version()) {
      out.println("wasmlink " + Main.VERSION + " (compatible with LLD 19)");
      if (options.exitAfterVersion()) {
        return 0;
      }
    }
    List<String> warnings = new java.util.ArrayList<>(options.warnings());
    warnings.addAll(WasmLdCommandLine.checkLinkable(options));
    if (report(warnings, options.fatalWarnings(), err)) {
      return 1;
    }
    try {
      Diagnostics diagnostics = new Linker(LinkSettingsFactory.from(options), out).link();
      return report(diagnostics.warnings(), options.fatalWarnings(), err) ? 1 : 0;
    } catch (LinkFailedException e) {
      report(e.diagnostics().warnings(), false, err);
      for (String error : e.diagnostics().errors()) {
        err.println("wasm-ld: error: " + error);
      }
      return 1;
    }
  }

  /** Prints warnings; with {@code --fatal-warnings} they are errors, and the link must not go on. */
  private static boolean report(List<String> warnings, boolean fatal, PrintWriter err) {
    for (String warning : warnings) {
      err.println("wasm-ld: " + (fatal ? "error" : "warning") + ": " + warning);
    }
    return fatal && !warnings.isEmpty();
  }
}
