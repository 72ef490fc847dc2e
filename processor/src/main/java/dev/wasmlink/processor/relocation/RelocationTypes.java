package dev.wasmlink.processor.relocation;

import static dev.wasmlink.processor.AnnotationNames.RELOC_PACKAGE;

import com.palantir.javapoet.ClassName;

/** The runtime types generated relocation code refers to, all in the spec's support package. */
final class RelocationTypes {
  static final ClassName KIND = ClassName.get(RELOC_PACKAGE, "RelocationKind");
  static final ClassName HANDLER = ClassName.get(RELOC_PACKAGE, "RelocationHandler");
  static final ClassName TABLE = ClassName.get(RELOC_PACKAGE, "RelocationTable");
  static final ClassName SITE = ClassName.get(RELOC_PACKAGE, "RelocationSite");
  static final ClassName RESOLVER = ClassName.get(RELOC_PACKAGE, "RelocationResolver");
  static final ClassName SYMBOL_FACTS = ClassName.get(RELOC_PACKAGE, "SymbolFacts");
  static final ClassName EXCEPTION = ClassName.get(RELOC_PACKAGE, "RelocationException");
  static final ClassName FIELDS = ClassName.get(RELOC_PACKAGE, "PatchableFields");
  static final ClassName FIELD_ENCODING = ClassName.get(RELOC_PACKAGE, "FieldEncoding");
  static final ClassName TARGET = ClassName.get(RELOC_PACKAGE, "RelocationTarget");
  static final ClassName RULE = ClassName.get(RELOC_PACKAGE, "RelocationRule");
  static final ClassName PATCHED_SECTION = ClassName.get(RELOC_PACKAGE, "PatchedSection");

  private RelocationTypes() {}
}
