package example;

import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.ByteSlice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Decodes {@link Subsection} from the wasm binary format. Generated from its declaration.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class SubsectionDecoder {
  private SubsectionDecoder() {
  }

  /**
   * Reads a tag and the {@link Subsection} variant it selects.
   */
  public static Subsection decode(ByteReader in) {
    int tag = in.readU8();
    ByteReader payload = in.readSized("subsection");
    Subsection variant = switch (tag) {
      case 1 -> decodeSymbols(payload);
      case 0xc -> decodeVersion(payload);
      default -> decodeOther(tag, payload);
    };
    payload.expectEnd("subsection " + tag);
    return variant;
  }

  private static Subsection.Symbols decodeSymbols(ByteReader in) {
    int symbolsCount = in.readCount();
    List<Symbol> symbols = new ArrayList<>(symbolsCount);
    for (int i = 0; i < symbolsCount; i++) {
      symbols.add(SymbolDecoder.decode(in));
    }
    return new Subsection.Symbols(Collections.unmodifiableList(symbols));
  }

  private static Subsection.Version decodeVersion(ByteReader in) {
    int version = in.readUleb32();
    return new Subsection.Version(version);
  }

  private static Subsection.Other decodeOther(int tag, ByteReader in) {
    ByteSlice payload = in.readRemaining();
    return new Subsection.Other(tag, payload);
  }
}
