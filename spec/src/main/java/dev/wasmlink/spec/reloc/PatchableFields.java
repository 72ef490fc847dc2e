package dev.wasmlink.spec.reloc;

/**
 * Reads and writes the fields relocations patch, in place and at their full width: a padded LEB stays 5 or 10 bytes
 * (continuation bit set on every byte but the last), so nothing after it moves. 32-bit fields accept any value a
 * 32-bit word can hold, signed or unsigned, as wasm-ld does; only unsigned LEBs refuse negative values.
 */
public final class PatchableFields {
  private static final long MIN_I32 = Integer.MIN_VALUE;
  private static final long MAX_U32 = 0xFFFF_FFFFL;

  private PatchableFields() {}

  public static boolean fitsUleb32(long value) {
    return value >= 0 && value <= MAX_U32;
  }

  public static boolean fits32(long value) {
    return value >= MIN_I32 && value <= MAX_U32;
  }

  public static void writeUleb32(byte[] buffer, int position, long value) {
    writePaddedLeb(buffer, position, value & MAX_U32, 5, false);
  }

  public static void writeSleb32(byte[] buffer, int position, long value) {
    writePaddedLeb(buffer, position, (int) value, 5, true);
  }

  public static void writeUleb64(byte[] buffer, int position, long value) {
    writePaddedLeb(buffer, position, value, 10, false);
  }

  public static void writeSleb64(byte[] buffer, int position, long value) {
    writePaddedLeb(buffer, position, value, 10, true);
  }

  public static void writeI32(byte[] buffer, int position, long value) {
    for (int i = 0; i < 4; i++) {
      buffer[position + i] = (byte) (value >>> (8 * i));
    }
  }

  public static void writeI64(byte[] buffer, int position, long value) {
    for (int i = 0; i < 8; i++) {
      buffer[position + i] = (byte) (value >>> (8 * i));
    }
  }

  public static long readUleb32(byte[] buffer, int position) {
    return readLeb(buffer, position, 5, false) & MAX_U32;
  }

  public static long readSleb32(byte[] buffer, int position) {
    return (int) readLeb(buffer, position, 5, true);
  }

  public static long readUleb64(byte[] buffer, int position) {
    return readLeb(buffer, position, 10, false);
  }

  public static long readSleb64(byte[] buffer, int position) {
    return readLeb(buffer, position, 10, true);
  }

  public static long readI32(byte[] buffer, int position) {
    return readLittleEndian(buffer, position, 4) & MAX_U32;
  }

  public static long readI64(byte[] buffer, int position) {
    return readLittleEndian(buffer, position, 8);
  }

  /**
   * Writes seven bits a byte for {@code width} bytes. For a signed value the arithmetic shift fills the top bytes with
   * the sign, which is exactly how a padded SLEB spells a negative number; an unsigned value shifts in zeros, so a
   * 64-bit value with its top bit set ends in 0x01, not in sign bits.
   */
  private static void writePaddedLeb(byte[] buffer, int position, long value, int width, boolean signed) {
    long rest = value;
    for (int i = 0; i < width - 1; i++) {
      buffer[position + i] = (byte) ((rest & 0x7F) | 0x80);
      rest = signed ? rest >> 7 : rest >>> 7;
    }
    buffer[position + width - 1] = (byte) (rest & 0x7F);
  }

  private static long readLeb(byte[] buffer, int position, int maxBytes, boolean signed) {
    long result = 0;
    int shift = 0;
    int b;
    int i = 0;
    do {
      b = buffer[position + i++] & 0xFF;
      if (shift < 64) {
        result |= (long) (b & 0x7F) << shift;
      }
      shift += 7;
    } while ((b & 0x80) != 0 && i < maxBytes);
    if (signed && shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  private static long readLittleEndian(byte[] buffer, int position, int width) {
    long result = 0;
    for (int i = 0; i < width; i++) {
      result |= (long) (buffer[position + i] & 0xFF) << (8 * i);
    }
    return result;
  }
}
