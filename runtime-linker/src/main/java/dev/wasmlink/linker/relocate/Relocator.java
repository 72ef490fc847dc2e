package dev.wasmlink.linker.relocate;

import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationSite;
import java.util.List;

/**
 * Patches a chunk copied into the output with its relocations, through the generated handlers: no instruction is
 * decoded, each field is rewritten in place at its full width.
 */
public final class Relocator {
  private final RelocationRegistry registry = RelocationRegistry.standard();

  /**
   * Applies {@code relocations}, whose offsets count from the start of the input section {@code sectionName}, to
   * {@code buffer}, where input section offset {@code chunkInputOffset} was copied to {@code chunkOutputPosition}.
   */
  public void apply(
      List<RelocationEntry> relocations,
      String file,
      String sectionName,
      PatchedSection sectionKind,
      ObjectResolver resolver,
      byte[] buffer,
      int chunkInputOffset,
      int chunkOutputPosition) {
    for (RelocationEntry entry : relocations) {
      RelocationHandler handler = registry.byCode(entry.type());
      RelocationSite site = new RelocationSite(
          file, sectionName, sectionKind, entry.offset(), entry.index(), entry.addendOrZero());
      handler.apply(site, resolver, buffer, chunkOutputPosition + entry.offset() - chunkInputOffset);
    }
  }
}
