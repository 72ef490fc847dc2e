package dev.wasmlink.linker.write;

import dev.wasmlink.linker.layout.StringTable;
import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.linker.symbols.InputObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

  /** Custom sections of NUL-terminated strings that wasm-ld merges string by string, as it does string segments. */
  private static final Set<String> MERGED = Set.of(".debug_str");

  /** One object's part of an output custom section. */
  record Piece(InputObject object, SectionHeader section, int outputOffset) {}

  private final Map<String, List<Piece>> byName = new LinkedHashMap<>();
  private final Map<InputObject, Map<Integer, Integer>> offsets = new HashMap<>();
  private final Map<String, StringTable> merged = new HashMap<>();

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
    for (String name : MERGED) {
      List<Piece> pieces = byName.get(name);
      if (pieces != null) {
        StringTable table = new StringTable(1);
        for (Piece piece : pieces) {
          for (int[] string : StringTable.split(piece.section().payload())) {
            table.add(piece.section().payload().slice(string[0], string[1]));
          }
        }
        table.finish();
        merged.put(name, table);
      }
    }
  }

  /**
   * The strings of each input section of a merged section, split once: DWARF refers into {@code .debug_str} from
   * every compile unit, and splitting the section again for each reference made big links quadratic.
   */
  private final Map<SectionHeader, int[][]> stringsOf = new IdentityHashMap<>();

  /** The merged contents of a merged section ({@code .debug_str}), or {@code null} for a section copied piece by piece. */
  byte[] mergedContents(String name) {
    StringTable table = merged.get(name);
    return table == null ? null : table.bytes();
  }

  /**
   * Where byte {@code inputOffset} of section {@code index} of {@code object} lands in its output section: its
   * piece's place plus the offset, or, in a merged section, where its string went.
   */
  long outputOffsetOf(InputObject object, int index, long inputOffset) {
    SectionHeader header = object.object().sections().get(index);
    StringTable table = merged.get(header.name());
    if (table == null) {
      return offsetOf(object, index) + inputOffset;
    }
    int[][] strings = stringsOf.computeIfAbsent(header, h -> StringTable.split(h.payload()).toArray(int[][]::new));
    int found = stringContaining(strings, inputOffset);
    if (found < 0) {
      return inputOffset;
    }
    int[] string = strings[found];
    return table.offsetOf(header.payload().slice(string[0], string[1])) + inputOffset - string[0];
  }

  /** The index of the string (start, length) holding byte {@code offset}, by binary search; -1 if none does. */
  private static int stringContaining(int[][] strings, long offset) {
    int low = 0;
    int high = strings.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int[] string = strings[middle];
      if (offset < string[0]) {
        high = middle - 1;
      } else if (offset >= string[0] + string[1]) {
        low = middle + 1;
      } else {
        return middle;
      }
    }
    return -1;
  }

  Map<String, List<Piece>> byName() {
    return byName;
  }

  /** Where section {@code index} of {@code object} starts in its output section; 0 for any other section. */
  int offsetOf(InputObject object, int index) {
    return offsets.getOrDefault(object, Map.of()).getOrDefault(index, 0);
  }
}
