package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.CustomSection;
import dev.wasmlink.spec.annotation.Name;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Vec;
import java.util.List;

/**
 * The {@code target_features} custom section: what the object was compiled with. A {@code -shared-mem} entry says it
 * was built without atomics or bulk memory, so its {@code thread_local} variables were lowered to plain globals.
 */
@CustomSection("target_features")
public record TargetFeaturesSection(@Vec List<Feature> features) {
  /** {@code prefix} is '+' (used), '-' (disallowed) or, in old objects, '=' (required). */
  @Record
  public record Feature(@U8 int prefix, @Name String name) {}
}
