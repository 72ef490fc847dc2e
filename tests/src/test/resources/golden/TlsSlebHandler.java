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
import dev.wasmlink.spec.reloc.SymbolFacts;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * R_EXAMPLE_TLS_SLEB (code 1): offset of a thread-local from __tls_base.
 *
 * <p>Patches its SLEB32 field with S + A - __tls_base; only against thread-local symbols.
 */
@Generated("dev.wasmlink.processor.SpecProcessor")
public final class TlsSlebHandler implements RelocationHandler {
  public static final RelocationKind KIND = new RelocationKind(
      1,
      "R_EXAMPLE_TLS_SLEB",
      FieldEncoding.SLEB32,
      /* hasAddend= */ true,
      RelocationTarget.DATA,
      RelocationRule.TLS_OFFSET,
      /* tlsOnly= */ true,
      /* picOnly= */ false,
      /* forbiddenAgainstTls= */ false,
      Set.of(PatchedSection.CODE),
      "offset of a thread-local from __tls_base");

  @Override
  public RelocationKind kind() {
    return KIND;
  }

  @Override
  public long value(RelocationSite site, RelocationResolver resolver) {
    if (!KIND.isAllowedIn(site.sectionKind())) {
      throw RelocationException.notAllowedIn(KIND, site);
    }
    SymbolFacts symbol = resolver.symbol(site);
    if (symbol.isUndefined()) {
      throw RelocationException.undefinedTlsSymbol(KIND, site, symbol);
    }
    if (resolver.isMemoryShared() && !symbol.isTls()) {
      throw RelocationException.nonTlsSymbol(KIND, site, symbol);
    }
    return resolver.tlsOffset(site) + site.addend();
  }

  @Override
  public void apply(RelocationSite site, RelocationResolver resolver, byte[] buffer, int position) {
    long value = value(site, resolver);
    if (!PatchableFields.fits32(value)) {
      throw RelocationException.valueOutOfRange(KIND, site, value, resolver);
    }
    PatchableFields.writeSleb32(buffer, position, value);
  }

  @Override
  public long read(byte[] buffer, int position) {
    return PatchableFields.readSleb32(buffer, position);
  }
}
