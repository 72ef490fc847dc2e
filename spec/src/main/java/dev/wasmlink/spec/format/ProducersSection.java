package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.CustomSection;
import dev.wasmlink.spec.annotation.Name;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.Vec;
import java.util.List;

/** The {@code producers} custom section: languages, tools and SDKs that made the object, with versions. */
@CustomSection("producers")
public record ProducersSection(@Vec List<Field> fields) {
  /** {@code language}, {@code processed-by} or {@code sdk}, and its values. */
  @Record
  public record Field(@Name String name, @Vec List<Value> values) {}

  @Record
  public record Value(@Name String name, @Name String version) {}
}
