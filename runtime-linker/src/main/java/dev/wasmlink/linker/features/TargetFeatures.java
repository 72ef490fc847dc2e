package dev.wasmlink.linker.features;

import dev.wasmlink.linker.hashorder.StringMapOrder;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.threads.ThreadSupport;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The output's target features and wasm-ld 19's checks of them ({@code populateTargetFeatures}). The output allows
 * the features the inputs use ({@code +} or {@code =}), or with {@code --features=} exactly those listed; plus
 * {@code --extra-features=}, and {@code mutable-globals} in a position-independent link. Unless
 * {@code --no-check-features}: shared memory needs atomics and bulk memory and no input that disallows
 * {@code shared-mem}; thread-local data needs atomics and bulk memory; with {@code --features=}, every feature used
 * must be listed; no input may use a feature another disallows ({@code -}); and every input must use what another
 * requires ({@code =}). Errors come in wasm-ld's order, with its words; feature names that wasm-ld keeps in a hash map
 * come in that map's order ({@link StringMapOrder}).
 */
public final class TargetFeatures {
  private static final char USED = '+';
  private static final char REQUIRED = '=';
  private static final char DISALLOWED = '-';

  private final Set<String> allowed;
  private final List<String> errors;

  private TargetFeatures(Set<String> allowed, List<String> errors) {
    this.allowed = allowed;
    this.errors = errors;
  }

  /**
   * @param threadLocalData whether a live data segment is thread-local
   * @param positionIndependent whether the output is position-independent ({@code -pie}, {@code -shared})
   */
  public static TargetFeatures compute(List<InputObject> objects, FeatureSettings settings, boolean sharedMemory,
      boolean threadLocalData, boolean positionIndependent) {
    Set<String> allowed = new TreeSet<>();
    List<String> errors = new ArrayList<>();
    if (positionIndependent) {
      allowed.add("mutable-globals");
    }
    allowed.addAll(settings.extra());
    boolean inferred = settings.explicit() == null;
    if (!inferred) {
      allowed.addAll(settings.explicit());
      if (!settings.check()) {
        return new TargetFeatures(allowed, errors);
      }
    }
    // First user, requirer and disallower of each feature, in the order met: wasm-ld keeps them in StringMaps.
    Map<String, String> used = new LinkedHashMap<>();
    Map<String, String> required = new LinkedHashMap<>();
    Map<String, String> disallowed = new LinkedHashMap<>();
    for (InputObject object : objects) {
      for (TargetFeaturesSection.Feature feature : object.targetFeatures()) {
        switch (feature.prefix()) {
          case USED -> used.putIfAbsent(feature.name(), object.bareName());
          case REQUIRED -> {
            used.putIfAbsent(feature.name(), object.bareName());
            required.putIfAbsent(feature.name(), object.bareName());
          }
          default -> disallowed.putIfAbsent(feature.name(), object.bareName());
        }
      }
    }
    if (inferred) {
      allowed.addAll(used.keySet());
    }
    if (!settings.check()) {
      return new TargetFeatures(allowed, errors);
    }
    if (sharedMemory) {
      String unthreaded = disallowed.get("shared-mem");
      if (unthreaded != null) {
        errors.add("--shared-memory is disallowed by " + unthreaded
            + " because it was not compiled with 'atomics' or 'bulk-memory' features." + unthreadedObjects(objects));
      }
      for (String feature : List.of("atomics", "bulk-memory")) {
        if (!allowed.contains(feature)) {
          errors.add("'" + feature + "' feature must be used in order to use shared memory");
        }
      }
    }
    if (threadLocalData) {
      for (String feature : List.of("atomics", "bulk-memory")) {
        if (!allowed.contains(feature)) {
          errors.add("'" + feature + "' feature must be used in order to use thread-local storage");
        }
      }
    }
    if (!inferred) {
      for (String feature : StringMapOrder.of(used.keySet())) {
        if (!allowed.contains(feature)) {
          errors.add("Target feature '" + feature + "' used by " + used.get(feature) + " is not allowed.");
        }
      }
    }
    List<String> requiredOrder = StringMapOrder.of(required.keySet());
    for (InputObject object : objects) {
      Set<String> objectFeatures = new LinkedHashSet<>();
      for (TargetFeaturesSection.Feature feature : object.targetFeatures()) {
        if (feature.prefix() == DISALLOWED) {
          continue;
        }
        objectFeatures.add(feature.name());
        if (disallowed.containsKey(feature.name())) {
          errors.add("Target feature '" + feature.name() + "' used in " + object.bareName() + " is disallowed by "
              + disallowed.get(feature.name()) + ". Use --no-check-features to suppress.");
        }
      }
      for (String feature : requiredOrder) {
        if (!objectFeatures.contains(feature)) {
          errors.add("Missing target feature '" + feature + "' in " + object.bareName() + ", required by "
              + required.get(feature) + ". Use --no-check-features to suppress.");
        }
      }
    }
    return new TargetFeatures(allowed, errors);
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
    List<String> all = byToolchain.values().stream().flatMap(List::stream).toList();
    text.append("\n>>> built without thread support (").append(all.size()).append(all.size() == 1 ? " object" : " objects")
        .append("): ").append(String.join(", ", all.subList(0, Math.min(all.size(), 8))))
        .append(all.size() > 8 ? " and " + (all.size() - 8) + " more" : "");
    text.append("\n>>> their compiler lowered any `thread_local` to ordinary globals, which threads would share");
    byToolchain.forEach((toolchain, names) -> text.append("\n>>> fix: ")
        .append(example.get(toolchain).rebuildAdvice(names.size() == 1 ? names.get(0) : "them")));
    return text.toString();
  }

  /** The errors found, in wasm-ld's order. */
  public List<String> errors() {
    return errors;
  }

  /** Whether the output allows {@code feature}. */
  public boolean allows(String feature) {
    return allowed.contains(feature);
  }

  /** The output's {@code target_features} section: every allowed feature, sorted, as used; {@code null} if none. */
  public TargetFeaturesSection section() {
    if (allowed.isEmpty()) {
      return null;
    }
    List<TargetFeaturesSection.Feature> features = new ArrayList<>();
    allowed.forEach(name -> features.add(new TargetFeaturesSection.Feature(USED, name)));
    return new TargetFeaturesSection(features);
  }

  /**
   * wasm-ld's check of imports and exports once they are known: without {@code mutable-globals}, no mutable global
   * may be imported and no global at all exported (wasm-ld's words say "mutable" for both).
   *
   * @param importedGlobals the imported globals, in import order
   * @param exported the exported symbols, in export order
   */
  public List<String> checkImportsAndExports(boolean check, List<Symbol> importedGlobals, List<Symbol> exported) {
    List<String> problems = new ArrayList<>();
    if (!check || allows("mutable-globals")) {
      return problems;
    }
    for (Symbol global : importedGlobals) {
      if (global.globalType() != null && global.globalType().isMutable()) {
        problems.add("mutable global imported but 'mutable-globals' feature not present in inputs: `" + global.name()
            + "`. Use --no-check-features to suppress.");
      }
    }
    for (Symbol symbol : exported) {
      if (symbol.global() != null) {
        problems.add("mutable global exported but 'mutable-globals' feature not present in inputs: `" + symbol.name()
            + "`. Use --no-check-features to suppress.");
      }
    }
    return problems;
  }
}
