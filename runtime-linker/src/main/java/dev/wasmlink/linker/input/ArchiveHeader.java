package dev.wasmlink.linker.input;

import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * The fixed 60-byte header in front of every archive member, decoded into the two fields a linker needs.
 *
 * <p>Layout, all ASCII and space-padded: name (16), mtime (12), uid (6), gid (6), mode (8), size (10, decimal), then
 * the terminator {@code `\n}. The timestamps, owners and mode say nothing about linking and are not read; archivers
 * used for reproducible builds write zeros there anyway. The name field is kept as text because what it means (short
 * name, GNU {@code /N} reference, BSD {@code #1/N}, symbol table) depends on the archive's flavour, which the reader
 * decides.
 *
 * @param offset where the header starts in the archive file
 * @param nameField the name field with its space padding removed
 * @param size the size field: the number of bytes of data after the header, not counting the alignment pad byte
 */
record ArchiveHeader(int offset, String nameField, long size) {
  static final int LENGTH = 60;

  private static final int NAME_WIDTH = 16;
  private static final int SIZE_AT = 48;
  private static final int SIZE_WIDTH = 10;
  private static final int TERMINATOR_AT = 58;

  /** Where the member's data (for BSD long names: its name, then its data) starts in the archive file. */
  int dataStart() {
    return offset + LENGTH;
  }

  /**
   * Decodes the header at {@code offset}. Only the header itself is checked here; whether the data it announces fits
   * the file is checked once the member's name is known, so that message can name the member.
   */
  static ArchiveHeader parse(byte[] data, int offset, InputLocation file) {
    int available = data.length - offset;
    if (available < LENGTH) {
      throw new MalformedInputException(
          file, offset, "archive member header is truncated: " + available + " of " + LENGTH + " bytes present");
    }
    if (data[offset + TERMINATOR_AT] != '`' || data[offset + TERMINATOR_AT + 1] != '\n') {
      throw new MalformedInputException(
          file,
          offset + TERMINATOR_AT,
          String.format(
              "archive member header at offset 0x%x ends with '%s' instead of the terminator '`\\n'",
              offset, printable(data, offset + TERMINATOR_AT, 2)));
    }
    String nameField = stripSpaces(new String(data, offset, NAME_WIDTH, StandardCharsets.UTF_8));
    long size = parseDecimal(data, offset + SIZE_AT, SIZE_WIDTH);
    if (size < 0) {
      throw new MalformedInputException(
          file,
          offset + SIZE_AT,
          String.format(
              "archive member header at offset 0x%x has size field '%s' that is not a decimal number",
              offset, printable(data, offset + SIZE_AT, SIZE_WIDTH).stripTrailing()));
    }
    return new ArchiveHeader(offset, nameField, size);
  }

  /**
   * A space-padded unsigned decimal field, or -1 when it is not one. Only trailing spaces are padding: ar writes
   * numbers left-aligned, and accepting anything looser would let a corrupted header pass as a different size.
   */
  static long parseDecimal(byte[] data, int start, int width) {
    return parseDecimal(stripSpaces(new String(data, start, width, StandardCharsets.ISO_8859_1)));
  }

  /** {@code text} as an unsigned decimal of at most 18 digits (so it cannot overflow), or -1 when it is not one. */
  static long parseDecimal(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char digit = text.charAt(i);
      if (digit < '0' || digit > '9') {
        return -1;
      }
      value = value * 10 + (digit - '0');
    }
    return value;
  }

  /** Removes trailing spaces only: tabs or NULs in a field are damage that should stay visible in messages. */
  private static String stripSpaces(String field) {
    int end = field.length();
    while (end > 0 && field.charAt(end - 1) == ' ') {
      end--;
    }
    return field.substring(0, end);
  }

  /** Header bytes as message text, with anything unprintable escaped so a message stays on one line. */
  static String printable(byte[] data, int start, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = start; i < start + length; i++) {
      int b = data[i] & 0xFF;
      if (b == '\n') {
        text.append("\\n");
      } else if (b == '\\') {
        text.append("\\\\");
      } else if (b < 0x20 || b >= 0x7F) {
        text.append(String.format("\\x%02x", b));
      } else {
        text.append((char) b);
      }
    }
    return text.toString();
  }
}
