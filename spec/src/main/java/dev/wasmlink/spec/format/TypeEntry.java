package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Encoding;
import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.Vec;
import java.util.List;

/** An entry of the type section. Objects hold function types only. */
@Tagged
public sealed interface TypeEntry {
  /** Parameter and result value types, one byte each (0x7F i32, 0x7E i64, 0x7D f32, 0x7C f64, 0x7B v128, ...). */
  @Tag(0x60)
  record FunctionType(@Vec(Encoding.U8) List<Integer> parameters, @Vec(Encoding.U8) List<Integer> results)
      implements TypeEntry {}
}
