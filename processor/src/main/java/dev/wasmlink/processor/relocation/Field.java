package dev.wasmlink.processor.relocation;

/**
 * The patched field encodings, mirroring {@code dev.wasmlink.spec.reloc.FieldEncoding} by name, with the support
 * methods a handler calls for each.
 */
enum Field {
  ULEB32(false, "fitsUleb32", "writeUleb32", "readUleb32"),
  SLEB32(false, "fits32", "writeSleb32", "readSleb32"),
  ULEB64(true, null, "writeUleb64", "readUleb64"),
  SLEB64(true, null, "writeSleb64", "readSleb64"),
  I32(false, "fits32", "writeI32", "readI32"),
  I64(true, null, "writeI64", "readI64");

  private final boolean wide;
  private final String fitsMethod;
  private final String writeMethod;
  private final String readMethod;

  Field(boolean wide, String fitsMethod, String writeMethod, String readMethod) {
    this.wide = wide;
    this.fitsMethod = fitsMethod;
    this.writeMethod = writeMethod;
    this.readMethod = readMethod;
  }

  boolean isWide() {
    return wide;
  }

  boolean isLeb() {
    return this != I32 && this != I64;
  }

  /** The range check, or {@code null} for 64-bit fields, which hold any {@code long}. */
  String fitsMethod() {
    return fitsMethod;
  }

  String writeMethod() {
    return writeMethod;
  }

  String readMethod() {
    return readMethod;
  }
}
