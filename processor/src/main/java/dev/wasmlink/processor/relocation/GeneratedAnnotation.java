package dev.wasmlink.processor.relocation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} every generated class carries. */
final class GeneratedAnnotation {
  static final AnnotationSpec SPEC =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "dev.wasmlink.processor.SpecProcessor")
          .build();

  private GeneratedAnnotation() {}
}
