package dev.wasmlink.linker.input;

import dev.wasmlink.spec.io.Printable;

/** An input that cannot be used at all: missing, unreadable, or of an unknown kind. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line; anything quoted from an input that would break it (a newline in a name) is escaped */
  public InputException(String message) {
    super(Printable.escape(message));
  }
}
