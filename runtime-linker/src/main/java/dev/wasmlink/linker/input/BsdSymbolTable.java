package dev.wasmlink.linker.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the BSD (and Darwin) symbol table, the member named {@code __.SYMDEF} or {@code __.SYMDEF SORTED} (sorted
 * by name, which a reader need not rely on), or {@code __.SYMDEF_64} with 8-byte fields. All fields are
 * little-endian: the byte size of the ranlib array, the array of (string offset, member header offset) pairs, the
 * byte size of the string table, then the NUL-terminated strings the string offsets point into.
 */
final class BsdSymbolTable {
  private BsdSymbolTable() {}

  /**
   * The entries of the table in {@code bytes}.
   *
   * @param wide true for {@code __.SYMDEF_64}, whose sizes and offsets are 8 bytes instead of 4
   */
  static List<SymbolTableEntry> decode(MemberBytes bytes, boolean wide) {
    if (bytes.length() == 0) {
      return List.of(); // an index with nothing in it
    }
    int width = wide ? 8 : 4;
    int pairSize = 2 * width;
    long ranlibSize = bytes.readUnsigned(0, width, false, "symbol index ranlib array size");
    // Both sizes are checked against the member before any entry is read, so a damaged size is reported as such
    // rather than as a confusing failure of whatever entry first lands outside the member.
    if (ranlibSize < 0 || ranlibSize > bytes.length() - 2L * width) {
      throw bytes.error(
          0,
          "symbol index ranlib array of " + Long.toUnsignedString(ranlibSize)
              + " bytes runs past the end of its member of " + bytes.length() + " bytes");
    }
    if (ranlibSize % pairSize != 0) {
      throw bytes.error(
          0,
          "symbol index ranlib array size " + ranlibSize + " is not a multiple of its " + pairSize + "-byte entries");
    }
    long stringSizeAt = width + ranlibSize;
    long stringSize = bytes.readUnsigned(stringSizeAt, width, false, "symbol index string table size");
    long stringsAt = stringSizeAt + width;
    if (stringSize < 0 || stringSize > bytes.length() - stringsAt) {
      throw bytes.error(
          stringSizeAt,
          "symbol index string table of " + Long.toUnsignedString(stringSize)
              + " bytes runs past the end of its member of " + bytes.length() + " bytes");
    }
    int stringsEnd = (int) (stringsAt + stringSize);
    int count = (int) (ranlibSize / pairSize);
    List<SymbolTableEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int pairAt = width + i * pairSize;
      long stringOffset = bytes.readUnsigned(pairAt, width, false, "symbol index string offset " + i);
      long memberOffset = bytes.readUnsigned(pairAt + width, width, false, "symbol index member offset " + i);
      if (stringOffset < 0 || stringOffset >= stringSize) {
        throw bytes.error(
            pairAt,
            "symbol index entry " + i + " has string offset " + Long.toUnsignedString(stringOffset)
                + ", outside its string table of " + stringSize + " bytes");
      }
      int nameAt = (int) (stringsAt + stringOffset);
      String name =
          bytes.readCString(nameAt, stringsEnd, "symbol index name " + i + " of " + count, "the string table");
      entries.add(new SymbolTableEntry(name, memberOffset, bytes.fileOffset(pairAt + width)));
    }
    return entries;
  }
}
