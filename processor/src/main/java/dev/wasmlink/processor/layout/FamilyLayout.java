package dev.wasmlink.processor.layout;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated family of tagged variants.
 *
 * @param tagEncoding {@link ValueEncoding#U8} or {@link ValueEncoding#ULEB32}
 * @param framed whether each variant's payload is size-prefixed
 * @param terminator the byte every variant ends with, or -1
 * @param other the variant that keeps unknown tags, or {@code null}
 */
record FamilyLayout(
    ClassName type,
    ValueEncoding tagEncoding,
    boolean framed,
    int terminator,
    List<Variant> variants,
    Variant other) {

  /** The declared variants, then the one keeping other tags if there is one: the order generated methods follow. */
  List<Variant> allVariants() {
    if (other == null) {
      return variants;
    }
    List<Variant> all = new ArrayList<>(variants);
    all.add(other);
    return all;
  }

  /**
   * One variant: its record, its tag and its fields after the tag. For the {@code other} variant the tag is -1 and
   * {@code tagComponent} names the component that receives the tag read; for the others it is {@code null}.
   */
  record Variant(ClassName type, long tag, List<FieldModel> fields, String tagComponent) {}
}
