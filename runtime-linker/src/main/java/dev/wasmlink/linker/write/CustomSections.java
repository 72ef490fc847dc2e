package dev.wasmlink.linker.write;

import dev.wasmlink.linker.strings.StringTable;
import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.spec.io.ByteSlice;
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
  private static final Set<String> MERGED = Set.of(".debug_str", ".debug_str.dwo", ".debug_line_str");

  /** One object's part of an output custom section. */
  record Piece(InputObject object, SectionHeader section, int outputOffset) {}

  private final Map<String, List<Piece>> byName = new LinkedHashMap<>();
  /** Where each kept custom section of each object starts in its output section, by the section's index. */
  private final Map<InputObject, int[]> offsets = new IdentityHashMap<>();
  private final Map<String, StringTable> merged = new HashMap<>();

  CustomSections(List<InputObject> objects, CustomSectionSettings settings) {
    Map<String, Integer> sizes = new HashMap<>();
    for (InputObject object : objects) {
      for (SectionHeader section : object.object().sections()) {
        if (!section.isCustom() || CONSUMED.contains(section.name()) || section.name().startsWith("reloc.")
            || !settings.keepsInput(section.name())) {
          continue;
        }
        int offset = sizes.merge(section.name(), section.payload().length(), Integer::sum)
            - section.payload().length();
        byName.computeIfAbsent(section.name(), n -> new ArrayList<>()).add(new Piece(object, section, offset));
        offsets.computeIfAbsent(object, o -> new int[o.object().sections().size()])[section.index()] = offset;
      }
    }
    for (String name : MERGED) {
      List<Piece> pieces = byName.get(name);
      if (pieces != null && settings.mergeStrings()) {
        merge(name, pieces);
      }
    }
  }

  /** Merges the strings of every piece into one table and records where each piece's strings went. */
  private void merge(String name, List<Piece> pieces) {
    StringTable table = new StringTable(1);
    Map<SectionHeader, List<int[]>> strings = new IdentityHashMap<>();
    Map<SectionHeader, int[]> ids = new IdentityHashMap<>();
    for (Piece piece : pieces) {
      ByteSlice payload = piece.section().payload();
      List<int[]> split = StringTable.split(payload);
      strings.put(piece.section(), split);
      int[] pieceIds = new int[split.size()];
      for (int i = 0; i < pieceIds.length; i++) {
        pieceIds[i] = table.add(payload.slice(split.get(i)[0], split.get(i)[1]));
      }
      ids.put(piece.section(), pieceIds);
    }
    table.finish();
    merged.put(name, table);
    strings.forEach((section, split) -> {
      int[] pieceIds = ids.get(section);
      long[] starts = new long[split.size()];
      long[] outputOffsets = new long[split.size()];
      for (int i = 0; i < split.size(); i++) {
        starts[i] = split.get(i)[0];
        outputOffsets[i] = table.offsetOf(pieceIds[i]);
      }
      mergedStrings.put(section, new MergedPiece(starts, outputOffsets));
    });
  }

  /** Where each string of one input section of a merged section starts, and where it went in the output. */
  private record MergedPiece(long[] starts, long[] outputOffsets) {}

  /**
   * For each input section of a merged section, its strings' places: DWARF refers into {@code .debug_str} from every
   * compile unit, so they are worked out once, when the strings are merged.
   */
  private final Map<SectionHeader, MergedPiece> mergedStrings = new IdentityHashMap<>();

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
    MergedPiece piece = mergedStrings.get(header);
    if (piece == null) {
      return offsetOf(object, index) + inputOffset;
    }
    if (inputOffset < 0 || inputOffset >= header.payload().length()) {
      return inputOffset;
    }
    int string = StringTable.indexOfStringAt(piece.starts(), inputOffset);
    return piece.outputOffsets()[string] + inputOffset - piece.starts()[string];
  }

  Map<String, List<Piece>> byName() {
    return byName;
  }

  /** Where section {@code index} of {@code object} starts in its output section; 0 for any other section. */
  int offsetOf(InputObject object, int index) {
    int[] starts = offsets.get(object);
    return starts == null || index < 0 || index >= starts.length ? 0 : starts[index];
  }
}
