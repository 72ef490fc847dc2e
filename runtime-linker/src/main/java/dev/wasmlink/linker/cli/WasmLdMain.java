package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.diagnostics.LinkFailedException;
import dev.wasmlink.linker.link.LinkSettings;
import dev.wasmlink.linker.link.Linker;
import dev.wasmlink.linker.link.LoaderConventions;
import dev.wasmlink.linker.options.CommandLineException;
import dev.wasmlink.linker.options.LinkOptions;
import dev.wasmlink.linker.options.Usage;
import dev.wasmlink.linker.options.WasmLdCommandLine;
import dev.wasmlink.linker.relocatable.RelocatableLinker;
import dev.wasmlink.linker.write.OutputFile;
import dev.wasmlink.linker.write.StandardOutput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
    int status = run(Invocation.ofThisProcess(args));
    AotTraining.runIfRecording();
    System.exit(status);
  }

  /** Links in this process's directory and environment, printing to {@code out} and {@code err}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(Invocation.of(Arrays.asList(args), out, err));
  }

  /**
   * Links as the invocation's program name would: run as {@code wasm-ld-14}, position-independent output follows
   * wasm-ld 14's conventions ({@link LoaderConventions}). Returns the exit status.
   */
  public static int run(Invocation invocation) {
    LoaderConventions conventions = LoaderConventions.forProgramName(invocation.programName());
    int status = Failures.run("wasm-ld", invocation.standardError(), () -> link(invocation, conventions));
    invocation.standardOutput().text().flush();
    return status;
  }

  /**
   * The link as {@link #run} does it, without the catch-all: errors a user can cause are printed and give status 1,
   * anything else (a bug in wasmlink) escapes as it is. For tests and fuzzing, which must tell the two apart.
   */
  public static int link(List<String> args, PrintWriter out, PrintWriter err) {
    return link(Invocation.of(args, out, err), LoaderConventions.WASM_LD_19);
  }

  private static int link(Invocation invocation, LoaderConventions conventions) {
    PrintWriter out = invocation.standardOutput().text();
    PrintWriter err = invocation.standardError();
    LinkOptions options;
    try {
      options = WasmLdCommandLine.parse(invocation.arguments(), invocation.workingDirectory());
    } catch (CommandLineException e) {
      if (e.versionRequested()) {
        printVersion(out);
      }
      DiagnosticPrinter printer = new DiagnosticPrinter("wasm-ld", err, false, 0);
      e.errors().forEach(printer::error);
      return 1;
    }
    if (options.help()) {
      out.print(Usage.text("wasm-ld"));
      return 0;
    }
    if (options.version()) {
      printVersion(out);
      if (options.exitAfterVersion()) {
        return 0;
      }
    }
    DiagnosticPrinter printer = new DiagnosticPrinter("wasm-ld", err, options.colorDiagnostics(),
        options.errorLimit());
    List<String> warnings = new ArrayList<>(options.warnings());
    warnings.addAll(WasmLdCommandLine.checkLinkable(options));
    if (report(warnings, options.fatalWarnings(), printer)) {
      return 1;
    }
    try {
      LinkSettings settings = LinkSettingsFactory.from(options, conventions);
      if (refuseUnwritableOutputs(settings, invocation.standardOutput(), printer)) {
        return 1;
      }
      Diagnostics diagnostics = settings.relocatable()
          ? new RelocatableLinker(settings, invocation.standardOutput()).link()
          : new Linker(settings, invocation.standardOutput()).link();
      return report(diagnostics.warnings(), options.fatalWarnings(), printer) ? 1 : 0;
    } catch (LinkFailedException e) {
      report(e.diagnostics().warnings(), false, printer);
      e.diagnostics().errors().forEach(printer::error);
      return 1;
    }
  }

  /**
   * Checks, before anything is read, that the output and the map file can be written, as wasm-ld does: a long link
   * should not end in a mistake of the command line.
   */
  private static boolean refuseUnwritableOutputs(LinkSettings settings, StandardOutput standardOutput,
      DiagnosticPrinter printer) {
    boolean refused = false;
    String output = new OutputFile(settings.output(), settings.workingDirectory(), standardOutput).cannotCreate();
    if (output != null) {
      printer.error("cannot open output file " + settings.output() + ": " + output);
      refused = true;
    }
    Path mapFile = settings.reports().mapFile();
    String map = mapFile == null || mapFile.toString().equals("-") ? null
        : new OutputFile(mapFile, settings.workingDirectory(), standardOutput).cannotCreate();
    if (map != null) {
      printer.error("cannot open map file " + mapFile + ": " + map);
      refused = true;
    }
    return refused;
  }

  private static void printVersion(PrintWriter out) {
    out.println("wasmlink " + Main.VERSION + " (compatible with LLD 19)");
    out.flush();
  }

  /** Prints warnings; with {@code --fatal-warnings} they are errors, and the link must not go on. */
  private static boolean report(List<String> warnings, boolean fatal, DiagnosticPrinter printer) {
    for (String warning : warnings) {
      if (fatal) {
        printer.error(warning);
      } else {
        printer.warning(warning);
      }
    }
    return fatal && !warnings.isEmpty();
  }
}
