package dev.wasmlink.spec.reloc;

/**
 * The field a relocation patches. LEB fields are padded to their full width in objects so the linker can write any
 * value without moving the bytes after them (Linking.md, "Relocation sections").
 */
public enum FieldEncoding {
  /** An unsigned LEB128 padded to 5 bytes. */
  ULEB32(5, false, false),
  /** A signed LEB128 padded to 5 bytes. */
  SLEB32(5, true, false),
  /** An unsigned LEB128 padded to 10 bytes. */
  ULEB64(10, false, true),
  /** A signed LEB128 padded to 10 bytes. */
  SLEB64(10, true, true),
  /** Four bytes, little-endian. */
  I32(4, false, false),
  /** Eight bytes, little-endian. */
  I64(8, false, true);

  private final int width;
  private final boolean signed;
  private final boolean wide;

  FieldEncoding(int width, boolean signed, boolean wide) {
    this.width = width;
    this.signed = signed;
    this.wide = wide;
  }

  /** How many bytes the field occupies. */
  public int width() {
    return width;
  }

  /** Whether the field is a signed LEB (its value range is centred on zero). */
  public boolean isSigned() {
    return signed;
  }

  /** Whether the field holds a 64-bit value. */
  public boolean isWide() {
    return wide;
  }
}
