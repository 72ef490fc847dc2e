package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.spec.format.ProducersSection;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether one object was built for threads, as its {@code target_features} says: with {@code atomics} and
 * {@code bulk-memory}, and without {@code -shared-mem} (what clang writes when it had to lower {@code thread_local}
 * to ordinary globals for want of them). Also which toolchain built it, from {@code producers}, so that the fix can
 * be given in that toolchain's terms.
 */
public record ThreadSupport(boolean atomics, boolean bulkMemory, boolean sharedMemDisallowed, Toolchain toolchain) {

  /** The compilers whose flags a fix can name. */
  public enum Toolchain {
    /** clang or emcc (emscripten's objects say only "clang" too). */
    C_FAMILY,
    RUST
  }

  public static ThreadSupport of(InputObject object) {
    boolean atomics = false;
    boolean bulkMemory = false;
    boolean sharedMemDisallowed = false;
    for (TargetFeaturesSection.Feature feature : object.targetFeatures()) {
      boolean used = feature.prefix() != '-';
      switch (feature.name()) {
        case "atomics" -> atomics |= used;
        case "bulk-memory" -> bulkMemory |= used;
        case "shared-mem" -> sharedMemDisallowed |= !used;
        default -> { }
      }
    }
    return new ThreadSupport(atomics, bulkMemory, sharedMemDisallowed, toolchainOf(object));
  }

  private static Toolchain toolchainOf(InputObject object) {
    for (ProducersSection.Field field : object.producers()) {
      for (ProducersSection.Value value : field.values()) {
        if (value.name().equals("Rust") || value.name().equals("rustc")) {
          return Toolchain.RUST;
        }
      }
    }
    return Toolchain.C_FAMILY;
  }

  /** Whether the object may join a link with {@code --shared-memory}. */
  public boolean isReady() {
    return atomics && bulkMemory && !sharedMemDisallowed;
  }

  /** What the object lacks, as its {@code target_features} shows it: e.g. "no 'atomics', -shared-mem". */
  public String shortfall() {
    List<String> missing = new ArrayList<>();
    if (!atomics) {
      missing.add("'atomics'");
    }
    if (!bulkMemory) {
      missing.add("'bulk-memory'");
    }
    String lacks = missing.isEmpty() ? "" : "lacks " + String.join(" and ", missing);
    if (sharedMemDisallowed) {
      return lacks.isEmpty() ? "disallows shared-mem" : lacks + ", disallows shared-mem";
    }
    return lacks;
  }

  /** How to rebuild {@code objects} (names) with thread support, in their toolchain's terms. */
  public String rebuildAdvice(String objects) {
    if (toolchain == Toolchain.RUST) {
      return "rebuild " + objects + " and the standard library with threads: -C target-feature=+atomics,+bulk-memory"
          + " and -Z build-std=panic_abort,std (nightly cargo)";
    }
    return "rebuild " + objects + " with -pthread (clang, emcc), or with -matomics -mbulk-memory";
  }
}
