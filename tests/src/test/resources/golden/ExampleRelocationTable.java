package example;

import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationTable;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The relocation kinds declared by {@link ExampleRelocation}, looked up by code and by name.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class ExampleRelocationTable implements RelocationTable {
  /**
   * Every kind of the catalogue, in code order.
   */
  private static final List<RelocationHandler> HANDLERS = List.of(
      new TlsSlebHandler(),
      new TableIndexI32Handler());

  private static final int FIRST_CODE = 1;

  /**
   * Slot {@code code - FIRST_CODE} holds the kind with that code; gaps are null.
   */
  private static final RelocationHandler[] BY_CODE = {
      HANDLERS.get(0),
      null,
      HANDLERS.get(1)};

  @Override
  public List<RelocationHandler> handlers() {
    return HANDLERS;
  }

  @Override
  public RelocationHandler byCode(int code) {
    int slot = code - FIRST_CODE;
    return slot >= 0 && slot < BY_CODE.length ? BY_CODE[slot] : null;
  }

  @Override
  public RelocationHandler byName(String name) {
    return switch (name) {
      case "R_EXAMPLE_TLS_SLEB" -> HANDLERS.get(0);
      case "R_EXAMPLE_TABLE_INDEX_I32" -> HANDLERS.get(1);
      default -> null;
    };
  }
}
