package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.write.StandardOutput;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of wasm-ld as its caller sees it: the arguments, the directory relative paths are relative to, the
 * environment, and where standard output and error go. A one-shot run's are the process's own; the resident daemon
 * makes one from what its client sends, since a JVM can neither change its directory nor borrow another process's
 * streams.
 *
 * @param arguments the command line without the program name
 * @param workingDirectory an absolute path
 */
public record Invocation(List<String> arguments, Path workingDirectory, Map<String, String> environment,
    StandardOutput standardOutput, PrintWriter standardError) {

  /** The name the launcher was run by ({@code wasm-ld}, {@code wasm-ld-14}...), which {@code bin/wasm-ld} passes. */
  static final String PROGRAM_NAME_VARIABLE = "WASMLINK_INVOKED_AS";

  public Invocation {
    arguments = List.copyOf(arguments);
    workingDirectory = workingDirectory.toAbsolutePath();
    environment = Map.copyOf(environment);
  }

  /** This process's: its arguments, directory, environment and streams. */
  public static Invocation ofThisProcess(String[] args) {
    return new Invocation(List.of(args), Path.of("").toAbsolutePath(), System.getenv(),
        StandardOutput.of(System.out, () -> false),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8));
  }

  /**
   * The arguments in this process's directory, printing to the given writers, with no program name: wasm-ld 19's
   * conventions ({@code wasmlink link}, tests).
   */
  static Invocation of(List<String> arguments, PrintWriter out, PrintWriter err) {
    return new Invocation(arguments, Path.of("").toAbsolutePath(), Map.of(), StandardOutput.of(out), err);
  }

  /** The name the linker was run by, when the launcher said. */
  String programName() {
    return environment.get(PROGRAM_NAME_VARIABLE);
  }
}
