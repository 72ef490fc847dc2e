package dev.wasmlink.spec.reloc;

import java.util.List;

/**
 * A catalogue's relocation kinds, looked up by code and by name. Implementations are generated from
 * {@code @RelocationCatalogue} enums and registered as services; {@link RelocationRegistry} merges every table on the
 * class path.
 */
public interface RelocationTable {
  /** The handlers of every kind, in code order. */
  List<RelocationHandler> handlers();

  /** The handler for a code, or {@code null} when the table has none. */
  RelocationHandler byCode(int code);

  /** The handler for a name, or {@code null} when the table has none. */
  RelocationHandler byName(String name);
}
