package example;

import dev.wasmlink.spec.io.ByteWriter;
import javax.annotation.processing.Generated;

/**
 * Encodes {@link ExampleSection} in the wasm binary format. Generated from its declaration.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class ExampleSectionEncoder {
  private ExampleSectionEncoder() {
  }

  /**
   * Writes {@code value} at the writer's end.
   */
  public static void encode(ExampleSection value, ByteWriter out) {
    out.writeUleb32(value.version());
    for (Subsection element : value.subsections()) {
      SubsectionEncoder.encode(element, out);
    }
  }
}
