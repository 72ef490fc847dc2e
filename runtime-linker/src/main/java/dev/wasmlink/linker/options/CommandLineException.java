package dev.wasmlink.linker.options;

import dev.wasmlink.spec.io.Printable;
import java.util.List;

/**
 * A {@code wasm-ld} command line that cannot be used. The message is the first problem, worded as lld words it
 * (without the "wasm-ld: error: " prefix, which the driver adds); {@link #errors()} has every problem found, in the
 * order lld would report them.
 */
public final class CommandLineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;
  private final boolean versionRequested;

  public CommandLineException(String message) {
    this(List.of(message));
  }

  public CommandLineException(List<String> errors) {
    this(errors, false);
  }

  /**
   * Problems quote the command line (a file name, an option's value), which may hold any character: each is escaped,
   * so that it stays one error line.
   *
   * @param versionRequested whether the command line asked for the version, which wasm-ld prints even so
   */
  public CommandLineException(List<String> errors, boolean versionRequested) {
    super(errors.isEmpty() ? "invalid command line" : Printable.escape(errors.get(0)));
    this.errors = errors.stream().map(Printable::escape).toList();
    this.versionRequested = versionRequested;
  }

  public boolean versionRequested() {
    return versionRequested;
  }

  /** Every problem found, first one first; never empty. */
  public List<String> errors() {
    return errors.isEmpty() ? List.of(getMessage()) : errors;
  }
}
