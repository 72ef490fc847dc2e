package dev.wasmlink.extension.example;

import static dev.wasmlink.spec.reloc.FieldEncoding.ULEB32;
import static dev.wasmlink.spec.reloc.RelocationRule.TABLE_SLOT;
import static dev.wasmlink.spec.reloc.RelocationTarget.FUNCTION;

import dev.wasmlink.spec.annotation.Relocation;
import dev.wasmlink.spec.annotation.RelocationCatalogue;
import dev.wasmlink.spec.reloc.PatchedSection;

/**
 * A made-up relocation catalogue, for tests only. Its one kind reuses an existing rule ({@code TABLE_SLOT}) with a
 * field no standard kind pairs it with (an unsigned padded LEB), and takes a code far above LLVM's, so it can neither
 * clash with nor be mistaken for a real kind. The annotation processor turns it into {@code TableIndexUlebHandler}
 * and {@code ExperimentalRelocationTable}, and registers the table in
 * {@code META-INF/services/dev.wasmlink.spec.reloc.RelocationTable} of this jar.
 */
@RelocationCatalogue(prefix = "R_WASMLINK_")
public enum ExperimentalRelocation {
  @Relocation(code = 200, field = ULEB32, target = FUNCTION, rule = TABLE_SLOT, allowedIn = PatchedSection.CODE,
      summary = "made-up kind: table slot as an unsigned LEB, proves catalogues load from other jars")
  R_WASMLINK_TABLE_INDEX_ULEB
}
