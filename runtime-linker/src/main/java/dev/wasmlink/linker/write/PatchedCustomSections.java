package dev.wasmlink.linker.write;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.relocate.ObjectResolver;
import dev.wasmlink.linker.relocate.Relocator;
import dev.wasmlink.spec.reloc.PatchedSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of the custom sections copied piece by piece (DWARF's {@code .debug_info}, {@code .debug_line} and
 * the rest; not the merged {@code .debug_str}): each object's piece copied to its place and patched with its
 * relocations. With debug information this is most of a link's patching, so all pieces of all sections are done in
 * parallel. Pieces cover disjoint ranges and each gets a resolver of its own (whose P is where the piece starts), so
 * any thread count gives the same bytes; when pieces fail to patch, the first in output order is reported, as a
 * sequential writer would.
 */
final class PatchedCustomSections {
  private PatchedCustomSections() {}

  /** The bytes of every section of {@code customs} that is not merged, by name, in {@code customs}' order. */
  static Map<String, byte[]> of(CustomSections customs, ModuleLayout layout) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    List<CustomSections.Piece> pieces = new ArrayList<>();
    List<byte[]> destinations = new ArrayList<>();
    customs.byName().forEach((name, namePieces) -> {
      if (customs.mergedContents(name) != null) {
        return;
      }
      byte[] bytes = new byte[namePieces.stream().mapToInt(piece -> piece.section().payload().length()).sum()];
      contents.put(name, bytes);
      for (CustomSections.Piece piece : namePieces) {
        pieces.add(piece);
        destinations.add(bytes);
      }
    });
    Relocator relocator = new Relocator();
    InParallel.forEach(pieces.size(), i -> {
      CustomSections.Piece piece = pieces.get(i);
      byte[] bytes = destinations.get(i);
      piece.section().payload().copyTo(bytes, piece.outputOffset());
      ObjectResolver resolver = new ObjectResolver(piece.object(), layout, customs.placesOf(piece.object()));
      resolver.setLocationBase(piece.outputOffset());
      relocator.apply(piece.object().customRelocations(piece.section().index()), piece.object().name(),
          piece.section().name(), PatchedSection.CUSTOM, resolver, bytes, 0, piece.outputOffset());
    });
    return contents;
  }
}
