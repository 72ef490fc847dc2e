package dev.wasmlink.linker.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors and warnings of one link, in the order found. A link reports every error of a stage before it stops, as
 * wasm-ld does, so a user sees all undefined symbols at once.
 */
public final class Diagnostics {
  private final List<String> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final boolean warningsAreErrors;

  public Diagnostics() {
    this(false);
  }

  /** @param warningsAreErrors whether a warning counts as an error ({@code --fatal-warnings}), as lld reports it */
  public Diagnostics(boolean warningsAreErrors) {
    this.warningsAreErrors = warningsAreErrors;
  }

  public void error(String message) {
    errors.add(message);
  }

  public void warning(String message) {
    (warningsAreErrors ? errors : warnings).add(message);
  }

  public List<String> errors() {
    return errors;
  }

  public List<String> warnings() {
    return warnings;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Stops the link when the stage just finished found errors. */
  public void stopIfErrors() {
    if (hasErrors()) {
      throw new LinkFailedException(this);
    }
  }
}
