package dev.wasmlink.spec.annotation;

/** How one value is written in the binary: the element encodings a {@link Vec} or {@link Repeated} can hold. */
public enum Encoding {
  /** A declared {@link Record} or {@link Tagged} family, named by the list's element type. */
  RECORD,
  U8,
  ULEB32,
  SLEB32,
  ULEB64,
  SLEB64,
  I32,
  I64,
  NAME,
  SIZED_BYTES
}
