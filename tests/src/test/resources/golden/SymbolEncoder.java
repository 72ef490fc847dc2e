package example;

import dev.wasmlink.spec.io.ByteWriter;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Encodes {@link Symbol} in the wasm binary format. Generated from its declaration.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class SymbolEncoder {
  private SymbolEncoder() {
  }

  /**
   * Writes {@code value} at the writer's end.
   */
  public static void encode(Symbol value, ByteWriter out) {
    out.writeU8(value.kind());
    out.writeUleb32(value.flags());
    if ((value.flags() & 0x50) != 0x10) {
      Objects.requireNonNull(value.name(), "Symbol.name must be present: its condition holds");
      out.writeName(value.name());
    } else if (value.name() != null) {
      throw new IllegalArgumentException("Symbol.name must be null: its condition says it is absent");
    }
    out.writeUleb32(value.indices().size());
    for (Integer element : value.indices()) {
      out.writeUleb32(element);
    }
  }
}
