package dev.wasmlink.linker.write;

import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.linker.symbols.InputObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The custom sections objects carry for the output (DWARF's {@code .debug_*} and any other the linker does not
 * consume): each name becomes one output section holding every object's contribution in link order, so offsets
 * between them (DWARF's cross-section references) can be computed before anything is patched.
 */
final class CustomSections {
  /**
   * Sections the linker reads and rewrites itself, and the LLVM bitcode rustc embeds in its objects
   * ({@code .llvmbc}, {@code .llvmcmd}), which wasm-ld drops too: never copied through.
   */
  private static final Set<String> CONSUMED =
      Set.of("linking", "name", "producers", "target_features", "dylink.0", ".llvmbc", ".llvmcmd");

  /** One object's part of an output custom section. */
  record Piece(InputObject object, SectionHeader section, int outputOffset) {}

  private final Map<String, List<Piece>> byName = new LinkedHashMap<>();
  private final Map<InputObject, Map<Integer, Integer>> offsets = new HashMap<>();

  CustomSections(List<InputObject> objects, boolean stripDebug) {
    Map<String, Integer> sizes = new HashMap<>();
    for (InputObject object : objects) {
      for (SectionHeader section : object.object().sections()) {
        if (!section.isCustom() || CONSUMED.contains(section.name()) || section.name().startsWith("reloc.")
            || (stripDebug && section.name().startsWith(".debug_"))) {
          continue;
        }
        int offset = sizes.merge(section.name(), section.payload().length(), Integer::sum)
            - section.payload().length();
        byName.computeIfAbsent(section.name(), n -> new ArrayList<>()).add(new Piece(object, section, offset));
        offsets.computeIfAbsent(object, o -> new HashMap<>()).put(section.index(), offset);
      }
    }
  }

  Map<String, List<Piece>> byName() {
    return byName;
  }

  /** Where section {@code index} of {@code object} starts in its output section; 0 for any other section. */
  int offsetOf(InputObject object, int index) {
    return offsets.getOrDefault(object, Map.of()).getOrDefault(index, 0);
  }
}
