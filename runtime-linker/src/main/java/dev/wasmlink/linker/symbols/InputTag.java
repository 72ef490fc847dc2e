package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.TypeEntry;

/**
 * An exception tag an input object defines: the type of the values thrown with it. Each object that throws or catches
 * a C++ exception defines its own weak {@code __cpp_exception}; the link keeps the one the symbol resolves to (every
 * copy without GC).
 */
public final class InputTag {
  private final InputObject file;
  private final TypeEntry.FunctionType type;
  private boolean live;
  private int outputIndex = -1;

  public InputTag(InputObject file, TypeEntry.FunctionType type) {
    this.file = file;
    this.type = type;
  }

  public InputObject file() {
    return file;
  }

  /** The tag's type: its parameters are the thrown values, it has no results. */
  public TypeEntry.FunctionType type() {
    return type;
  }

  public boolean isLive() {
    return live;
  }

  public void markLive() {
    live = true;
  }

  /** The index in the output's tag index space, after the imported tags; -1 before layout. */
  public int outputIndex() {
    return outputIndex;
  }

  public void setOutputIndex(int index) {
    outputIndex = index;
  }
}
