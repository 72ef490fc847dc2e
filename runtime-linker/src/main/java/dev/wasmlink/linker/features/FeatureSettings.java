package dev.wasmlink.linker.features;

import java.util.List;

/**
 * What the command line says of the output's target features.
 *
 * @param explicit {@code --features=}: exactly these (and the extras), instead of those the inputs use; {@code null}
 *     when not given (an empty list means no features)
 * @param extra {@code --extra-features=}: added in any case
 * @param check {@code --check-features} (the default) or {@code --no-check-features}
 */
public record FeatureSettings(List<String> explicit, List<String> extra, boolean check) {
  public FeatureSettings {
    explicit = explicit == null ? null : List.copyOf(explicit);
    extra = List.copyOf(extra);
  }

  /** No feature flags: infer the features from the inputs, and check them. */
  public static FeatureSettings inferred() {
    return new FeatureSettings(null, List.of(), true);
  }
}
