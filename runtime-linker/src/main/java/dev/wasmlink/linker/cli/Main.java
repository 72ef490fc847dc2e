package dev.wasmlink.linker.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code wasmlink}: the friendly front of the linker. {@code wasmlink link ...} (the default) takes wasm-ld's command
 * line; {@code wasmlink dump FILE...} shows what an object or archive holds; {@code wasmlink relocs} lists the
 * relocation kinds the linker was built with.
 */
public final class Main {
  public static final String VERSION = "0.1.0";

  private static final String HELP = """
      Usage: wasmlink [COMMAND] ARGS...

      Commands:
        link ARGS...     link objects and archives, with wasm-ld's flags (the default command)
        dump FILE...     show sections, symbols, segments, init functions, comdats, target features
                         and relocations of wasm objects and of every member of archives
        explain FILE...  tell which objects (and archive members) can join a threaded link
                         (--shared-memory) and why not: missing atomics/bulk-memory, thread-locals
                         defined as ordinary globals, with the cause and the fix; exit 1 if any can't
        relocs           list the relocation kinds this linker was built with, from every
                         relocation catalogue on its class path
        daemon start|status|stop
                         the resident mode: a daemon that runs every later bin/wasm-ld link
                         of this user and this build, without a JVM start per link
                         (start --idle-exit=DURATION: leave after that long idle; default 3h)
        help             show this text
        version          show the version

      Examples:
        wasmlink dump foo.o libc.a
        wasmlink explain main.o libworker.a
        wasmlink relocs
      """;

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    AotTraining.runIfRecording();
    System.exit(status);
  }

  /** Runs a command line and returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    List<String> arguments = Arrays.asList(args);
    String command = arguments.isEmpty() ? "help" : arguments.get(0);
    List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
    int status = Failures.run("wasmlink", err, () -> switch (command) {
      case "dump" -> {
        DumpCommand.run(rest, out);
        yield 0;
      }
      case "explain" -> ExplainCommand.run(rest, out);
      case "relocs" -> {
        RelocsCommand.run(out);
        yield 0;
      }
      case "help", "--help", "-h" -> {
        out.print(HELP);
        yield 0;
      }
      case "version", "--version" -> {
        out.println("wasmlink " + VERSION);
        yield 0;
      }
      case "link" -> WasmLdMain.run(rest.toArray(String[]::new), out, err);
      case "daemon" -> fail("the daemon is started and stopped by the bin/wasmlink launcher: bin/wasmlink daemon "
          + String.join(" ", rest));
      default -> command.startsWith("-") || command.endsWith(".o") || command.endsWith(".a")
          ? WasmLdMain.run(args, out, err)
          : fail("unknown command '" + command + "'; see wasmlink help");
    });
    out.flush();
    return status;
  }

  private static int fail(String message) {
    throw new UsageException(message);
  }
}
