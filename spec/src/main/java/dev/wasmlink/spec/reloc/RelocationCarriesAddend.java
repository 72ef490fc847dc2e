package dev.wasmlink.spec.reloc;

import java.util.function.LongPredicate;

/**
 * Whether a {@code reloc.*} entry of the given type carries an addend: the one field of the entry whose presence the
 * entry itself does not say, so the decoder asks the registry. An unknown type is malformed input, because without
 * its kind the entry's length is unknown.
 */
public final class RelocationCarriesAddend implements LongPredicate {
  @Override
  public boolean test(long type) {
    RelocationKind kind = type > Integer.MAX_VALUE ? null : RelocationRegistry.standard().kindOf((int) type);
    if (kind == null) {
      throw new IllegalArgumentException("unknown relocation type " + type);
    }
    return kind.hasAddend();
  }
}
