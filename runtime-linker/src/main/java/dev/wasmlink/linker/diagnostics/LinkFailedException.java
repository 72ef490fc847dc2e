package dev.wasmlink.linker.diagnostics;

/** A link that found errors; the diagnostics say which. */
public final class LinkFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Diagnostics diagnostics;

  public LinkFailedException(Diagnostics diagnostics) {
    super(diagnostics.errors().size() + " errors");
    this.diagnostics = diagnostics;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
