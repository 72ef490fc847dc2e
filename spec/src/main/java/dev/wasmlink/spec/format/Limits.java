package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.PresentIf;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Uleb64;

/**
 * Limits of a memory or table. Flags: 0x1 has a maximum, 0x2 shared (threads), 0x4 64-bit indices; the bounds are
 * read as 64-bit so memory64 limits fit.
 */
@Record
public record Limits(
    @U8 int flags,
    @Uleb64 long minimum,
    @PresentIf(field = "flags", mask = 0x1, equal = 0x1) @Uleb64 Long maximum) {

  public static final int HAS_MAXIMUM = 0x1;
  public static final int SHARED = 0x2;
  public static final int MEMORY64 = 0x4;

  public boolean isShared() {
    return (flags & SHARED) != 0;
  }
}
