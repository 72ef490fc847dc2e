package dev.wasmlink.linker.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the GNU/SysV symbol table, the member named {@code /} (or {@code /SYM64/} for archives past 4 GiB or made
 * with 64-bit offsets): a big-endian count, that many big-endian member header offsets, then as many NUL-terminated
 * names, the i-th name going with the i-th offset.
 */
final class GnuSymbolTable {
  private GnuSymbolTable() {}

  /**
   * The entries of the table in {@code bytes}.
   *
   * @param wide true for {@code /SYM64/}, whose count and offsets are 8 bytes instead of 4
   */
  static List<SymbolTableEntry> decode(MemberBytes bytes, boolean wide) {
    if (bytes.length() == 0) {
      return List.of(); // an index with nothing in it, as some archivers write for archives without symbols
    }
    int width = wide ? 8 : 4;
    long count = bytes.readUnsigned(0, width, true, "symbol index count");
    // Checking the count against the room for offsets before allocating or looping keeps a damaged count from
    // costing memory or time, and names the real problem rather than some later read.
    long room = (bytes.length() - width) / width;
    if (count < 0 || count > room) {
      throw bytes.error(
          0,
          "symbol index claims " + Long.toUnsignedString(count) + " symbols but its member of " + bytes.length()
              + " bytes has room for only " + room + " offsets");
    }
    List<SymbolTableEntry> entries = new ArrayList<>((int) count);
    int nameAt = (int) (width + count * width);
    for (int i = 0; i < count; i++) {
      int offsetAt = width + i * width;
      long memberOffset = bytes.readUnsigned(offsetAt, width, true, "symbol index offset " + i);
      int nameEnd = bytes.findNul(nameAt, bytes.length(), "symbol index name " + i + " of " + count, "its member");
      entries.add(new SymbolTableEntry(bytes.utf8(nameAt, nameEnd), memberOffset, bytes.fileOffset(offsetAt)));
      nameAt = nameEnd + 1;
    }
    return entries;
  }
}
