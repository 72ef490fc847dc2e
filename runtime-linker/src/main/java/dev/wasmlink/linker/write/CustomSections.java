package dev.wasmlink.linker.write;

import dev.wasmlink.linker.strings.StringTable;
import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.linker.relocate.ObjectResolver;
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
  /** Where each object's kept custom sections landed: asked for every DWARF relocation, so one lookup per object. */
  private final Map<InputObject, ObjectPlaces> places = new IdentityHashMap<>();
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
        places.computeIfAbsent(object, ObjectPlaces::new).starts[section.index()] = offset;
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
    List<int[]> starts = new ArrayList<>(pieces.size());
    List<int[]> ids = new ArrayList<>(pieces.size());
    for (Piece piece : pieces) {
      ByteSlice payload = piece.section().payload();
      int[] pieceStarts = StringTable.stringStarts(payload);
      int[] pieceIds = new int[pieceStarts.length];
      for (int i = 0; i < pieceIds.length; i++) {
        pieceIds[i] = table.add(payload.array(), payload.start() + pieceStarts[i],
            StringTable.lengthOfString(pieceStarts, i, payload.length()));
      }
      starts.add(pieceStarts);
      ids.add(pieceIds);
    }
    table.finish();
    merged.put(name, table);
    for (int p = 0; p < pieces.size(); p++) {
      int[] pieceIds = ids.get(p);
      long[] outputOffsets = new long[pieceIds.length];
      for (int i = 0; i < pieceIds.length; i++) {
        outputOffsets[i] = table.offsetOf(pieceIds[i]);
      }
      Piece piece = pieces.get(p);
      places.get(piece.object()).merged[piece.section().index()] = new MergedPiece(starts.get(p), outputOffsets);
    }
  }

  /**
   * Where each string of one input section of a merged section starts, and where it went in the output: DWARF refers
   * into {@code .debug_str} from every compile unit, so this is worked out once, when the strings are merged.
   */
  private static final class MergedPiece {
    private final int[] starts;
    private final long[] outputOffsets;
    /**
     * The string the last lookup found. A compile unit often names its strings in the order they were added to its
     * string pool, so the next lookup may find the same string or the next one without a search (41% of emscripten-mt's
     * lookups do). Only a hint: a lookup checks it, so a stale value from another thread costs a search, never a wrong
     * answer.
     */
    private int last;

    MergedPiece(int[] starts, long[] outputOffsets) {
      this.starts = starts;
      this.outputOffsets = outputOffsets;
    }

    long outputOffsetOf(long inputOffset) {
      int string = last;
      if (!holds(string, inputOffset)) {
        string = holds(string + 1, inputOffset) ? string + 1 : StringTable.indexOfStringAt(starts, inputOffset);
        last = string;
      }
      return outputOffsets[string] + inputOffset - starts[string];
    }

    private boolean holds(int string, long offset) {
      return string < starts.length && starts[string] <= offset
          && (string + 1 == starts.length || offset < starts[string + 1]);
    }
  }

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
    return placesOf(object).outputOffsetOf(index, inputOffset);
  }

  /** Where the bytes of an object's custom sections land, for the relocations of that object. */
  ObjectResolver.SectionOffsets placesOf(InputObject object) {
    ObjectPlaces found = places.get(object);
    return found != null ? found : (index, inputOffset) -> inputOffset;
  }

  /** One object's custom sections, by section index: where each starts in its output section, and merged strings. */
  private static final class ObjectPlaces implements ObjectResolver.SectionOffsets {
    private final List<SectionHeader> sections;
    private final int[] starts;
    private final MergedPiece[] merged;

    ObjectPlaces(InputObject object) {
      sections = object.object().sections();
      starts = new int[sections.size()];
      merged = new MergedPiece[sections.size()];
    }

    @Override
    public long outputOffsetOf(int index, long inputOffset) {
      if (index < 0 || index >= starts.length) {
        return inputOffset;
      }
      MergedPiece piece = merged[index];
      if (piece == null) {
        return starts[index] + inputOffset;
      }
      if (inputOffset < 0 || inputOffset >= sections.get(index).payload().length()) {
        return inputOffset;
      }
      return piece.outputOffsetOf(inputOffset);
    }
  }

  Map<String, List<Piece>> byName() {
    return byName;
  }
}
