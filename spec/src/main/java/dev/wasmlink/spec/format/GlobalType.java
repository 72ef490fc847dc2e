package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.U8;

/** A global's value type and mutability (0 const, 1 var). */
@Record
public record GlobalType(@U8 int valueType, @U8 int mutability) {
  public boolean isMutable() {
    return mutability == 1;
  }
}
