package dev.wasmlink.linker.input;

import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * The GNU long-name table: the contents of the member named {@code //}, which holds every name too long for the
 * 16-byte header field, each ended by {@code /\n}. A member with such a name has {@code /N} in its header, N being
 * the decimal offset of its name in this table.
 */
final class LongNameTable {
  private final ByteSlice table;
  private final InputLocation file;

  LongNameTable(ByteSlice table, InputLocation file) {
    this.table = table;
    this.file = file;
  }

  /**
   * The name starting at {@code nameOffset} in the table, without its {@code /\n} terminator.
   *
   * @param reference the header's name field, for messages
   * @param headerOffset the header holding the reference, where an out-of-range reference is reported
   */
  String nameAt(long nameOffset, String reference, int headerOffset) {
    if (nameOffset >= table.length()) {
      throw new MalformedInputException(
          file,
          headerOffset,
          "member name '" + reference + "' points at offset " + nameOffset
              + ", outside the long-name table of " + table.length() + " bytes");
    }
    int start = (int) nameOffset;
    // The name ends at the first newline, which must follow the '/' that GNU ar puts after every long name; a
    // newline without it means the reference points into the middle of the table or the table is damaged.
    for (int end = start; end < table.length(); end++) {
      if (table.get(end) == '\n') {
        if (end == start || table.get(end - 1) != '/') {
          break;
        }
        return new String(table.array(), table.start() + start, end - 1 - start, StandardCharsets.UTF_8);
      }
    }
    throw new MalformedInputException(
        file,
        table.start() + start,
        "long name at offset " + nameOffset + " of the long-name table, used by member name '" + reference
            + "', is not terminated by '/\\n'");
  }
}
