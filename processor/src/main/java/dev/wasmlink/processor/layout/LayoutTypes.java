package dev.wasmlink.processor.layout;

import static dev.wasmlink.processor.AnnotationNames.IO_PACKAGE;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/** The runtime types generated decoders and encoders refer to. */
final class LayoutTypes {
  static final ClassName READER = ClassName.get(IO_PACKAGE, "ByteReader");
  static final ClassName WRITER = ClassName.get(IO_PACKAGE, "ByteWriter");
  static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "dev.wasmlink.processor.SpecProcessor")
          .build();

  private LayoutTypes() {}

  /** Generated decoders and encoders hold only static methods. */
  static MethodSpec privateConstructor() {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build();
  }
}
