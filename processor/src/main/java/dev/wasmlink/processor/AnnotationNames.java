package dev.wasmlink.processor;

/**
 * The qualified names of the spec annotations and of the runtime types generated code uses. The processor has no
 * compile dependency on the spec module (it would be a cycle: spec is compiled with this processor), so it names
 * them, as AutoValue names its annotations.
 */
public final class AnnotationNames {
  public static final String ANNOTATION_PACKAGE = "dev.wasmlink.spec.annotation";
  public static final String RELOCATION_CATALOGUE = ANNOTATION_PACKAGE + ".RelocationCatalogue";
  public static final String RELOCATION = ANNOTATION_PACKAGE + ".Relocation";
  public static final String RECORD = ANNOTATION_PACKAGE + ".Record";
  public static final String SECTION = ANNOTATION_PACKAGE + ".Section";
  public static final String CUSTOM_SECTION = ANNOTATION_PACKAGE + ".CustomSection";
  public static final String TAGGED = ANNOTATION_PACKAGE + ".Tagged";
  public static final String TAG = ANNOTATION_PACKAGE + ".Tag";
  public static final String OTHER_TAGS = ANNOTATION_PACKAGE + ".OtherTags";
  public static final String VEC = ANNOTATION_PACKAGE + ".Vec";
  public static final String REPEATED = ANNOTATION_PACKAGE + ".Repeated";
  public static final String PRESENT_IF = ANNOTATION_PACKAGE + ".PresentIf";
  public static final String PRESENT_WHEN = ANNOTATION_PACKAGE + ".PresentWhen";
  public static final String FIXED_BYTES = ANNOTATION_PACKAGE + ".FixedBytes";

  public static final String IO_PACKAGE = "dev.wasmlink.spec.io";
  public static final String RELOC_PACKAGE = "dev.wasmlink.spec.reloc";
  public static final String BYTE_SLICE = IO_PACKAGE + ".ByteSlice";
  public static final String RELOCATION_TABLE = RELOC_PACKAGE + ".RelocationTable";

  private AnnotationNames() {}

  /** The annotation's simple name, for messages. */
  public static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
