package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.PresentWhen;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.Sleb64;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.reloc.RelocationCarriesAddend;

/**
 * One relocation: its type (a relocation kind's code), the offset of the field from the start of the target
 * section's payload, the index (a symbol, or a type for type relocations) and, for kinds that carry one, an addend.
 * The entry does not say whether an addend follows; the kind does, so the registry of kinds is asked.
 */
@Record
public record RelocationEntry(
    @Uleb32 int type,
    @Uleb32 int offset,
    @Uleb32 int index,
    @PresentWhen(field = "type", test = RelocationCarriesAddend.class) @Sleb64 Long addend) {

  /** The addend, 0 for kinds that carry none. */
  public long addendOrZero() {
    return addend == null ? 0 : addend;
  }
}
