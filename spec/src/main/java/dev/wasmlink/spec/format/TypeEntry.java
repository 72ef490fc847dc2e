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
    // emscripten's libraries took 22 ms of a one-shot link, with these 5 ms. The lists are compared by index, not by
    // List.equals: its iterators are garbage the JIT of a one-shot link does not remove (15 of the 177 MB that
    // bench/link-benchmark's generated link allocated).
    @Override
    public boolean equals(Object other) {
      return other instanceof FunctionType type
          && sameValueTypes(parameters, type.parameters) && sameValueTypes(results, type.results);
    }

    @Override
    public int hashCode() {
      return 31 * hashOf(parameters) + hashOf(results);
    }

    private static boolean sameValueTypes(List<Integer> these, List<Integer> those) {
      int size = these.size();
      if (size != those.size()) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (!these.get(i).equals(those.get(i))) {
          return false;
        }
      }
      return true;
    }

    private static int hashOf(List<Integer> valueTypes) {
      int hash = 1;
      for (int i = 0; i < valueTypes.size(); i++) {
        hash = 31 * hash + valueTypes.get(i);
      }
      return hash;
    }
  }
}
