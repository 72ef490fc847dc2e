package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.input.InputException;
import dev.wasmlink.linker.options.CommandLineException;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.reloc.RelocationException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Runs a command and turns every expected failure into one {@code TOOL: error: message} line and exit status 1, as
 * wasm-ld reports errors. Anything else is a bug in wasmlink: it is reported as such, still in one line, with the
 * trace only when {@code WASMLINK_DEBUG} is set.
 */
final class Failures {
  private Failures() {}

  static int run(String tool, PrintWriter err, Callable<Integer> command) {
    try {
      return command.call();
    } catch (MalformedInputException | InputException | RelocationException | UsageException
        | CommandLineException e) {
      err.println(tool + ": error: " + e.getMessage());
      return 1;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      err.println(tool + ": error: internal error, please report it: " + e);
      if (System.getenv("WASMLINK_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    } finally {
      err.flush();
    }
  }
}
