package example;

import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchableFields;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationException;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationResolver;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationSite;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * R_EXAMPLE_TABLE_INDEX_I32 (code 3): table slot of a function, a function pointer in data.
 *
 * <p>Patches its I32 field with the table slot.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class TableIndexI32Handler implements RelocationHandler {
  public static final RelocationKind KIND = new RelocationKind(
      3,
      "R_EXAMPLE_TABLE_INDEX_I32",
      FieldEncoding.I32,
      /* hasAddend= */ false,
      RelocationTarget.FUNCTION,
      RelocationRule.TABLE_SLOT,
      /* tlsOnly= */ false,
      /* picOnly= */ false,
      /* forbiddenAgainstTls= */ false,
      Set.of(PatchedSection.DATA),
      "table slot of a function, a function pointer in data");

  @Override
  public RelocationKind kind() {
    return KIND;
  }

  @Override
  public long value(RelocationSite site, RelocationResolver resolver) {
    if (!KIND.isAllowedIn(site.sectionKind())) {
      throw RelocationException.notAllowedIn(KIND, site);
    }
    return resolver.tableSlot(site);
  }

  @Override
  public void apply(RelocationSite site, RelocationResolver resolver, byte[] buffer, int position) {
    long value = value(site, resolver);
    if (!PatchableFields.fits32(value)) {
      throw RelocationException.valueOutOfRange(KIND, site, value, resolver);
    }
    PatchableFields.writeI32(buffer, position, value);
  }

  @Override
  public long read(byte[] buffer, int position) {
    return PatchableFields.readI32(buffer, position);
  }
}
