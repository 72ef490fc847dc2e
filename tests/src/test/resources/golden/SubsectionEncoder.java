package example;

import dev.wasmlink.spec.io.ByteWriter;
import javax.annotation.processing.Generated;

/**
 * Encodes {@link Subsection} in the wasm binary format. Generated from its declaration.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class SubsectionEncoder {
  private SubsectionEncoder() {
  }

  /**
   * Writes the variant's tag, then the variant.
   */
  public static void encode(Subsection value, ByteWriter out) {
    if (value instanceof Subsection.Symbols variant) {
      out.writeU8(1);
      out.writeSized(payload -> encodeSymbols(variant, payload));
    } else if (value instanceof Subsection.Version variant) {
      out.writeU8(0xc);
      out.writeSized(payload -> encodeVersion(variant, payload));
    } else if (value instanceof Subsection.Other variant) {
      out.writeU8(variant.tag());
      out.writeSized(payload -> encodeOther(variant, payload));
    } else {
      throw new IllegalArgumentException("not a declared variant of Subsection: " + value);
    }
  }

  private static void encodeSymbols(Subsection.Symbols variant, ByteWriter out) {
    out.writeUleb32(variant.symbols().size());
    for (Symbol element : variant.symbols()) {
      SymbolEncoder.encode(element, out);
    }
  }

  private static void encodeVersion(Subsection.Version variant, ByteWriter out) {
    out.writeUleb32(variant.version());
  }

  private static void encodeOther(Subsection.Other variant, ByteWriter out) {
    out.writeBytes(variant.payload());
  }
}
