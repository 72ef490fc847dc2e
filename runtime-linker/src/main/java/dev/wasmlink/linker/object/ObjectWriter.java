package dev.wasmlink.linker.object;

import dev.wasmlink.spec.format.SectionLayouts;
import dev.wasmlink.spec.io.ByteWriter;

/**
 * Writes an object back out: the header, then every section in its original order, each declared section encoded
 * from its decoded model by the generated encoders and every other custom section copied as it was. LEBs come out
 * in their shortest form, so sizes may differ from the input's padded ones while the meaning stays the same.
 */
public final class ObjectWriter {
  private ObjectWriter() {}

  public static byte[] write(ObjectFile object) {
    ByteWriter out = new ByteWriter(object.sections().stream().mapToInt(s -> s.payload().length() + 16).sum() + 8);
    out.writeBytes(new byte[] {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}, 0, 8);
    for (SectionHeader section : object.sections()) {
      out.writeU8(section.id());
      Object model = object.decoded(section);
      out.writeSized(payload -> {
        if (section.isCustom()) {
          payload.writeName(section.name());
        }
        if (model == null || !SectionLayouts.encode(model, payload)) {
          payload.writeBytes(section.payload());
        }
      });
    }
    return out.toByteArray();
  }
}
