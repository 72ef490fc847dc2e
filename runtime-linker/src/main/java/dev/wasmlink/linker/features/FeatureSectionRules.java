package dev.wasmlink.linker.features;

import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import java.util.HashSet;
import java.util.Set;

/**
 * What an object's {@code target_features} section must be before its features mean anything, as LLVM's object
 * reader requires it (and wasm-ld stops at the first object that breaks it): each feature once, with a known prefix.
 */
public final class FeatureSectionRules {
  private FeatureSectionRules() {}

  /** wasm-ld's error for the object's section, or {@code null} when the section is sound (or absent). */
  public static String problem(InputObject object) {
    Set<String> seen = new HashSet<>();
    for (TargetFeaturesSection.Feature feature : object.targetFeatures()) {
      if (feature.prefix() != '+' && feature.prefix() != '-' && feature.prefix() != '=') {
        return object.name() + ": unknown feature policy prefix";
      }
      if (!seen.add(feature.name())) {
        return object.name() + ": target features section contains repeated feature \"" + feature.name() + "\"";
      }
    }
    return null;
  }
}
