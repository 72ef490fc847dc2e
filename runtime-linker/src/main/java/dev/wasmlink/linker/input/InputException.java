package dev.wasmlink.linker.input;

/** An input that cannot be used at all: missing, unreadable, or of an unknown kind. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
