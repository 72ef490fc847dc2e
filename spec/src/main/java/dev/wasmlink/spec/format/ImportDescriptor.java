package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Uleb32;

/** What an import brings in, tagged by its external kind. */
@Tagged
public sealed interface ImportDescriptor {
  @Tag(0)
  record FunctionImport(@Uleb32 int typeIndex) implements ImportDescriptor {}

  @Tag(1)
  record TableImport(TableType table) implements ImportDescriptor {}

  @Tag(2)
  record MemoryImport(Limits limits) implements ImportDescriptor {}

  @Tag(3)
  record GlobalImport(GlobalType global) implements ImportDescriptor {}

  @Tag(4)
  record TagImport(@U8 int attribute, @Uleb32 int typeIndex) implements ImportDescriptor {}
}
