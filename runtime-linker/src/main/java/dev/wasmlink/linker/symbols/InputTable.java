package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.TableType;

/**
 * A table an input object defines (other than the indirect function table, which the linker makes): an
 * {@code externref} or {@code funcref} table that code reaches with {@code table.get}, {@code table.set} and the like
 * through its symbol.
 */
public final class InputTable {
  private final InputObject file;
  private final TableType type;
  private boolean live;
  private int outputIndex = -1;

  public InputTable(InputObject file, TableType type) {
    this.file = file;
    this.type = type;
  }

  public InputObject file() {
    return file;
  }

  /** The element type and limits, as the object declares them. */
  public TableType type() {
    return type;
  }

  public boolean isLive() {
    return live;
  }

  public void markLive() {
    live = true;
  }

  /** The index in the output's table index space; -1 before layout. */
  public int outputIndex() {
    return outputIndex;
  }

  public void setOutputIndex(int index) {
    outputIndex = index;
  }
}
