package dev.wasmlink.linker.options;

import java.util.List;

/**
 * A {@code wasm-ld} command line that cannot be used. The message is the first problem, worded as lld words it
 * (without the "wasm-ld: error: " prefix, which the driver adds); {@link #errors()} has every problem found, in the
 * order lld would report them.
 */
public final class CommandLineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  public CommandLineException(String message) {
    this(List.of(message));
  }

  public CommandLineException(List<String> errors) {
    super(errors.isEmpty() ? "invalid command line" : errors.get(0));
    this.errors = List.copyOf(errors);
  }

  /** Every problem found, first one first; never empty. */
  public List<String> errors() {
    return errors.isEmpty() ? List.of(getMessage()) : errors;
  }
}
