package example;

import dev.wasmlink.spec.io.ByteReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Decodes {@link Symbol} from the wasm binary format. Generated from its declaration.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class SymbolDecoder {
  private SymbolDecoder() {
  }

  /**
   * Reads one {@link Symbol} at the reader's position.
   */
  public static Symbol decode(ByteReader in) {
    int kind = in.readU8();
    int flags = in.readUleb32();
    String name = null;
    if ((flags & 0x50) != 0x10) {
      name = in.readName();
    }
    int indicesCount = in.readCount();
    List<Integer> indices = new ArrayList<>(indicesCount);
    for (int i = 0; i < indicesCount; i++) {
      indices.add(in.readUleb32());
    }
    return new Symbol(kind, flags, name, Collections.unmodifiableList(indices));
  }
}
