package dev.wasmlink.linker.write;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.RelocationSection;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code reloc.*} sections of an output that carries relocations: every relocation of every chunk the output keeps, moved to
 * where the chunk landed (offsets count from the start of the output section's payload, as in the inputs) and naming
 * the output's symbol (or, for type relocations, the output's type).
 */
final class RelocationSections {
  private final ModuleLayout layout;
  private final Placements placements;
  private final RelocatableMetadata metadata;
  private final CustomSections customs;
  private final RelocationRegistry registry = RelocationRegistry.standard();

  RelocationSections(ModuleLayout layout, Placements placements, RelocatableMetadata metadata,
      CustomSections customs) {
    this.layout = layout;
    this.placements = placements;
    this.metadata = metadata;
    this.customs = customs;
  }

  /** The code section's relocations, function by function in output order. */
  RelocationSection code(int codeSectionIndex) {
    List<RelocationEntry> entries = new ArrayList<>();
    for (InputFunction function : layout.functions()) {
      InputObject object = function.file();
      if (object == null) {
        continue;
      }
      int bodyStart = layout.bodyOffset(function);
      for (RelocationEntry entry : object.relocations(function)) {
        addMoved(entries, object, entry, bodyStart + (entry.offset() - function.codeOffset()));
      }
    }
    return new RelocationSection(codeSectionIndex, entries);
  }

  /** The data section's relocations, segment by segment in data-section order. */
  RelocationSection data(int dataSectionIndex) {
    List<RelocationEntry> entries = new ArrayList<>();
    for (OutputSegment segment : layout.memory().writtenSegments()) {
      int bytesStart = placements.segment(segment)[1];
      for (InputSegment input : segment.inputs()) {
        InputObject object = input.file();
        for (RelocationEntry entry : object.relocations(input)) {
          long at = bytesStart + input.outputOffset() + (entry.offset() - input.dataOffset());
          addMoved(entries, object, entry, (int) at);
        }
      }
    }
    return new RelocationSection(dataSectionIndex, entries);
  }

  /** One output custom section's relocations, piece by piece. */
  RelocationSection custom(int sectionIndex, List<CustomSections.Piece> pieces) {
    List<RelocationEntry> entries = new ArrayList<>();
    for (CustomSections.Piece piece : pieces) {
      InputObject object = piece.object();
      for (RelocationEntry entry : object.customRelocations(piece.section().index())) {
        addMoved(entries, object, entry, piece.outputOffset() + entry.offset());
      }
    }
    return new RelocationSection(sectionIndex, entries);
  }

  /**
   * Adds the entry at its output offset, against the output's symbol or type. Against a section symbol the addend is
   * an offset in the input section, which becomes one in the output section (where merged debug strings moved). An
   * entry whose symbol the output does not hold (debug information about collected code, in a final link) is left
   * out: its bytes already say the target is gone, and an entry naming no symbol would make the module unreadable.
   */
  private void addMoved(List<RelocationEntry> entries, InputObject object, RelocationEntry entry, int offset) {
    RelocationTarget target = registry.kindOf(entry.type()).target();
    if (target == RelocationTarget.TYPE) {
      entries.add(new RelocationEntry(entry.type(), offset,
          layout.types().indexOf(object.types().get(entry.index())), entry.addend()));
      return;
    }
    int symbol = metadata.symbolIndex(object, entry.index());
    if (symbol < 0) {
      return;
    }
    Long addend = entry.addend();
    if (target == RelocationTarget.SECTION && addend != null) {
      addend = customs.outputOffsetOf(object, object.sectionOf(entry.index()), addend);
    }
    entries.add(new RelocationEntry(entry.type(), offset, symbol, addend));
  }
}
