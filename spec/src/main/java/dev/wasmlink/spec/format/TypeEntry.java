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
      implements TypeEntry {
    // Written out rather than left to the record: a record's equals and hashCode are bound by invokedynamic on first
    // use, which in a fresh JVM spins method-handle classes and then runs them as interpreted method handles. A link
    // compares and hashes a signature per function symbol: with the record's own, checking the signatures of
    // emscripten's libraries took 22 ms of a one-shot link, with these 5 ms.
    @Override
    public boolean equals(Object other) {
      return other instanceof FunctionType type && parameters.equals(type.parameters) && results.equals(type.results);
    }

    @Override
    public int hashCode() {
      return 31 * parameters.hashCode() + results.hashCode();
    }
  }
}
