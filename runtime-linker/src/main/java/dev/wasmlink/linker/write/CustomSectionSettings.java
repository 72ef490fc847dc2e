package dev.wasmlink.linker.write;

import java.util.Set;

/**
 * Which custom sections the output gets, as the command line says.
 *
 * @param stripAll {@code --strip-all}: no debug sections, and none of those the linker writes ({@code name},
 *     {@code producers}, {@code target_features}); the inputs' other custom sections stay, as in wasm-ld
 * @param stripDebug {@code --strip-debug}: no {@code .debug_*} sections
 * @param keep {@code --keep-section} names: sections the linker writes kept despite {@code --strip-all}
 * @param mergeStrings whether {@code .debug_str} is merged string by string (wasm-ld does from {@code -O1})
 * @param buildId {@code --build-id}: {@code fast}, {@code sha1}, {@code uuid} or {@code 0x<hex>}; {@code null} for none
 */
public record CustomSectionSettings(boolean stripAll, boolean stripDebug, Set<String> keep, boolean mergeStrings,
    String buildId) {
  public CustomSectionSettings {
    keep = Set.copyOf(keep);
  }

  /** Whether an input's custom section called {@code name} is copied to the output: all but stripped debug ones. */
  boolean keepsInput(String name) {
    return !((stripAll || stripDebug) && name.startsWith(".debug_"));
  }

  /** Whether the linker writes its own section called {@code name} ({@code name}, {@code producers}, ...). */
  boolean keepsLinkerSection(String name) {
    return !stripAll || keep.contains(name);
  }
}
