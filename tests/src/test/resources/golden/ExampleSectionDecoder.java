package example;

import dev.wasmlink.spec.io.ByteReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Decodes {@link ExampleSection} from the wasm binary format. Generated from its declaration.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class ExampleSectionDecoder {
  /**
   * The custom section's name.
   */
  public static final String NAME = "example";

  private ExampleSectionDecoder() {
  }

  /**
   * Whether a custom section of this name has this layout.
   */
  public static boolean accepts(String sectionName) {
    return sectionName.equals(NAME);
  }

  /**
   * Reads one {@link ExampleSection} at the reader's position.
   *
   * <p>The reader must hold exactly the section's payload.
   */
  public static ExampleSection decode(ByteReader in) {
    ExampleSection section = decodeFields(in);
    in.expectEnd("custom section example");
    return section;
  }

  private static ExampleSection decodeFields(ByteReader in) {
    int version = in.readUleb32();
    List<Subsection> subsections = new ArrayList<>();
    while (in.hasMore()) {
      subsections.add(SubsectionDecoder.decode(in));
    }
    return new ExampleSection(version, Collections.unmodifiableList(subsections));
  }
}
