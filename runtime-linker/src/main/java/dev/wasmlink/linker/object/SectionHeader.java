package dev.wasmlink.linker.object;

import dev.wasmlink.spec.io.ByteSlice;

/**
 * Where one section of an object is: its position in the section list (the index {@code reloc.*} sections and
 * section symbols use), its id, its name (custom sections) and its payload.
 *
 * @param index the section's position among all sections, custom ones included
 * @param id the section id, 0 for custom sections
 * @param name the custom section's name, or the core section's name as LLVM prints it ({@code CODE}, {@code DATA})
 * @param offset the offset of the section's id byte from the start of the object
 * @param payload the section's payload (for a custom section, after its name)
 */
public record SectionHeader(int index, int id, String name, int offset, ByteSlice payload) {

  public boolean isCustom() {
    return id == 0;
  }

  /** The core section names LLVM uses in {@code reloc.CODE}, {@code reloc.DATA} and in messages. */
  static String coreName(int id) {
    return switch (id) {
      case 1 -> "TYPE";
      case 2 -> "IMPORT";
      case 3 -> "FUNCTION";
      case 4 -> "TABLE";
      case 5 -> "MEMORY";
      case 6 -> "GLOBAL";
      case 7 -> "EXPORT";
      case 8 -> "START";
      case 9 -> "ELEM";
      case 10 -> "CODE";
      case 11 -> "DATA";
      case 12 -> "DATACOUNT";
      case 13 -> "TAG";
      default -> null;
    };
  }

  /**
   * Where a core section may appear: ids in ascending order, except that the tag section sits between memory and
   * global and the data count section between element and code (the binary format's section order).
   */
  static int orderRank(int id) {
    return switch (id) {
      case 13 -> 55;
      case 12 -> 95;
      default -> id * 10;
    };
  }
}
