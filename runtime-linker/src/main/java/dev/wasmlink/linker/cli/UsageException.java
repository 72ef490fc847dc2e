package dev.wasmlink.linker.cli;

/** A command line that cannot be run: an unknown command or flag, or a missing argument. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
