package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.GlobalType;

/** A global defined by an input object or by the linker. */
public final class InputGlobal {
  private final InputObject file;
  private String debugName;
  private final GlobalType type;
  private ConstExpr initialValue;
  private boolean live;
  private int outputIndex = -1;

  public InputGlobal(InputObject file, String debugName, GlobalType type, ConstExpr initialValue) {
    this.file = file;
    this.debugName = debugName;
    this.type = type;
    this.initialValue = initialValue;
  }

  public InputObject file() {
    return file;
  }

  /** The name the output's name section gives it: the first symbol that names it. */
  public String debugName() {
    return debugName;
  }

  public void nameIfUnnamed(String name) {
    if (debugName == null) {
      debugName = name;
    }
  }

  public GlobalType type() {
    return type;
  }

  public ConstExpr initialValue() {
    return initialValue;
  }

  /** Synthetic globals get their value once layout knows it (the stack pointer, for one). */
  public void setInitialValue(ConstExpr value) {
    initialValue = value;
  }

  public boolean isLive() {
    return live;
  }

  public void markLive() {
    live = true;
  }

  public int outputIndex() {
    return outputIndex;
  }

  public void setOutputIndex(int index) {
    outputIndex = index;
  }
}
