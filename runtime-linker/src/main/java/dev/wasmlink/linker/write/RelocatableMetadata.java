package dev.wasmlink.linker.write;

import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.spec.format.LinkingSection;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What an output that carries relocations ({@code -r}, {@code --emit-relocs}) adds to the module: its {@code linking}
 * section, and a relocation in its {@code reloc.*} sections for every relocation of the inputs, naming the output's
 * own symbols.
 */
public interface RelocatableMetadata {
  /**
   * The {@code linking} section: the output's symbol table, its segments, constructors and comdats.
   *
   * @param customSections the output's custom sections copied from the inputs, in order: each gets a section symbol
   * @param customSectionIndex the index in the module of the output custom section of a name
   */
  LinkingSection linking(List<String> customSections, ToIntFunction<String> customSectionIndex);

  /**
   * The output symbol-table index of entry {@code symbol} of {@code object}'s symbol table, or -1 when the output
   * holds nothing that symbol names.
   */
  int symbolIndex(InputObject object, int symbol);
}
