package dev.wasmlink.linker.link;

import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.threads.ThreadSupport;
import dev.wasmlink.spec.format.ProducersSection;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom sections the output gets by merging every object's: {@code target_features}, checked as wasm-ld checks
 * it, and {@code producers}.
 */
final class MetadataSections {
  private MetadataSections() {}

  /** The features every object uses, checked against what any object disallows, as wasm-ld does. */
  static TargetFeaturesSection targetFeatures(
      List<InputObject> objects, LinkSettings settings, Diagnostics diagnostics) {
    Map<String, String> used = new LinkedHashMap<>();
    Map<String, String> disallowed = new LinkedHashMap<>();
    for (InputObject object : objects) {
      for (TargetFeaturesSection.Feature feature : object.targetFeatures()) {
        if (feature.prefix() == '-') {
          disallowed.putIfAbsent(feature.name(), object.name());
        } else {
          used.putIfAbsent(feature.name(), object.name());
        }
      }
    }
    if (settings.sharedMemory()) {
      String unthreaded = disallowed.get("shared-mem");
      if (unthreaded != null) {
        diagnostics.error("--shared-memory is disallowed by " + unthreaded
            + " because it was not compiled with 'atomics' or 'bulk-memory' features." + unthreadedObjects(objects));
      }
      for (String required : List.of("atomics", "bulk-memory")) {
        if (!used.containsKey(required)) {
          diagnostics.error("'" + required + "' feature must be used in order to use shared memory");
        }
      }
    }
    if (usesThreadLocalStorage(objects)) {
      for (String required : List.of("atomics", "bulk-memory")) {
        if (!used.containsKey(required)) {
          diagnostics.error("'" + required + "' feature must be used in order to use thread-local storage");
        }
      }
    }
    diagnostics.stopIfErrors();
    if (settings.checkFeatures()) {
      used.forEach((feature, user) -> {
        if (disallowed.containsKey(feature)) {
          diagnostics.error("Target feature '" + feature + "' used in " + user + " is disallowed by "
              + disallowed.get(feature) + ". Use --no-check-features to suppress.");
        }
      });
      diagnostics.stopIfErrors();
    }
    List<TargetFeaturesSection.Feature> features = new ArrayList<>();
    used.keySet().stream().sorted().forEach(name -> features.add(new TargetFeaturesSection.Feature('+', name)));
    return features.isEmpty() ? null : new TargetFeaturesSection(features);
  }

  /**
   * Every object built without thread support, grouped by the fix their toolchain needs: wasm-ld names only the
   * first, which leaves the user to find the others one rebuild at a time.
   */
  private static String unthreadedObjects(List<InputObject> objects) {
    Map<ThreadSupport.Toolchain, List<String>> byToolchain = new LinkedHashMap<>();
    Map<ThreadSupport.Toolchain, ThreadSupport> example = new LinkedHashMap<>();
    for (InputObject object : objects) {
      ThreadSupport support = ThreadSupport.of(object);
      if (support.sharedMemDisallowed()) {
        byToolchain.computeIfAbsent(support.toolchain(), t -> new ArrayList<>()).add(object.name());
        example.putIfAbsent(support.toolchain(), support);
      }
    }
    StringBuilder text = new StringBuilder();
    int count = byToolchain.values().stream().mapToInt(List::size).sum();
    List<String> all = byToolchain.values().stream().flatMap(List::stream).toList();
    text.append("\n>>> built without thread support (").append(count).append(count == 1 ? " object" : " objects")
        .append("): ").append(String.join(", ", all.subList(0, Math.min(all.size(), 8))))
        .append(all.size() > 8 ? " and " + (all.size() - 8) + " more" : "");
    text.append("\n>>> their compiler lowered any `thread_local` to ordinary globals, which threads would share");
    byToolchain.forEach((toolchain, names) -> text.append("\n>>> fix: ")
        .append(example.get(toolchain).rebuildAdvice(names.size() == 1 ? names.get(0) : "them")));
    return text.toString();
  }

  /** Whether a live data segment of the link is thread-local. */
  private static boolean usesThreadLocalStorage(List<InputObject> objects) {
    for (InputObject object : objects) {
      for (InputSegment segment : object.keptSegments()) {
        if (segment.isTls()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the output's features (as {@link #targetFeatures} computed them, possibly none) include {@code name}. */
  static boolean uses(TargetFeaturesSection features, String name) {
    return features != null && features.features().stream().anyMatch(feature -> feature.name().equals(name));
  }

  /**
   * Every object's producers: each tool once per field (its first version met), in the order met; the fields in
   * wasm-ld's order, language, processed-by, sdk, whatever order an object lists them in.
   */
  static ProducersSection producers(List<InputObject> objects) {
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
