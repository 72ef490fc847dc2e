package dev.wasmlink.linker.link;

import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.spec.format.ProducersSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The custom section the output gets by merging every object's: {@code producers}. */
public final class MetadataSections {
  private MetadataSections() {}

  /**
   * Every object's producers: each tool once per field (its first version met), in the order met; the fields in
   * wasm-ld's order, language, processed-by, sdk, whatever order an object lists them in.
   */
  public static ProducersSection producers(List<InputObject> objects) {
    Map<String, Map<String, ProducersSection.Value>> fields = new LinkedHashMap<>();
    for (String field : List.of("language", "processed-by", "sdk")) {
      fields.put(field, new LinkedHashMap<>());
    }
    for (InputObject object : objects) {
      for (ProducersSection.Field field : object.producers()) {
        Map<String, ProducersSection.Value> values = fields.computeIfAbsent(field.name(), n -> new LinkedHashMap<>());
        field.values().forEach(value -> values.putIfAbsent(value.name(), value));
      }
    }
    List<ProducersSection.Field> merged = new ArrayList<>();
    fields.forEach((name, values) -> {
      if (!values.isEmpty()) {
        merged.add(new ProducersSection.Field(name, new ArrayList<>(values.values())));
      }
    });
    return new ProducersSection(merged);
  }
}
