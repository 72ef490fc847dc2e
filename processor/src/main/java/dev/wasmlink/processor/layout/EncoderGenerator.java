package dev.wasmlink.processor.layout;

import static dev.wasmlink.processor.layout.LayoutTypes.GENERATED;
import static dev.wasmlink.processor.layout.LayoutTypes.WRITER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.wasmlink.processor.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Type>Encoder}: a static {@code encode(value, ByteWriter)} that writes a record's fields in order,
 * or a family's tag and then its variant, framed with a size when the family is. LEBs come out in their shortest
 * form; a section encoder writes the payload only, for the caller to frame.
 */
public final class EncoderGenerator {

  public JavaFile generate(RecordLayout layout) {
    ClassName encoder = Names.encoderOf(layout.type());
    MethodSpec encode =
        MethodSpec.methodBuilder("encode")
            .addJavadoc("Writes {@code value} at the writer's end.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(layout.type(), "value")
            .addParameter(WRITER, "out")
            .addCode(FieldCode.encode("value", layout.fields(), layout.type().simpleName()))
            .build();
    TypeSpec.Builder type = classBuilder(encoder, layout.type());
    type.addFields(FieldCode.predicateConstants(layout.fields()));
    type.addMethod(LayoutTypes.privateConstructor()).addMethod(encode);
    return JavaFile.builder(encoder.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  public JavaFile generate(FamilyLayout family) {
    ClassName encoder = Names.encoderOf(family.type());
    MethodSpec.Builder encode =
        MethodSpec.methodBuilder("encode")
            .addJavadoc("Writes the variant's tag, then the variant.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(family.type(), "value")
            .addParameter(WRITER, "out");
    String writeTag = family.tagEncoding().writeMethod();
    boolean first = true;
    for (FamilyLayout.Variant variant : family.allVariants()) {
      boolean other = variant == family.other();
      String test = "value instanceof $T variant";
      if (first) {
        encode.beginControlFlow("if (" + test + ")", variant.type());
        first = false;
      } else {
        encode.nextControlFlow("else if (" + test + ")", variant.type());
      }
      if (other) {
        encode.addStatement("out.$L(variant.$L())", writeTag, firstComponentAccessor(family));
      } else {
        encode.addStatement("out.$L($L)", writeTag, Names.literal(variant.tag()));
      }
      if (family.framed()) {
        encode.addStatement("out.writeSized(payload -> $L(variant, payload))", methodName(variant));
      } else {
        encode.addStatement("$L(variant, out)", methodName(variant));
      }
    }
    encode.nextControlFlow("else")
        .addStatement("throw new $T($S + value)", IllegalArgumentException.class,
            "not a declared variant of " + family.type().simpleName() + ": ")
        .endControlFlow();
    if (family.terminator() >= 0) {
      encode.addStatement("out.writeU8($L)", Names.literal(family.terminator()));
    }

    TypeSpec.Builder type = classBuilder(encoder, family.type());
    for (FamilyLayout.Variant variant : family.allVariants()) {
      type.addFields(FieldCode.predicateConstants(variant.fields()));
    }
    type.addMethod(LayoutTypes.privateConstructor()).addMethod(encode.build());
    for (FamilyLayout.Variant variant : family.allVariants()) {
      type.addMethod(MethodSpec.methodBuilder(methodName(variant))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(variant.type(), "variant")
          .addParameter(WRITER, "out")
          .addCode(FieldCode.encode("variant", variant.fields(), variant.type().simpleName()))
          .build());
    }
    return JavaFile.builder(encoder.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /** The {@code @OtherTags} record's first component holds the tag; the validator checked it is an int. */
  private static String firstComponentAccessor(FamilyLayout family) {
    return family.other().tagComponent();
  }

  private static String methodName(FamilyLayout.Variant variant) {
    return "encode" + variant.type().simpleName();
  }

  private static TypeSpec.Builder classBuilder(ClassName encoder, ClassName encoded) {
    return TypeSpec.classBuilder(encoder)
        .addJavadoc("Encodes {@link $T} in the wasm binary format. Generated from its declaration.\n", encoded)
        .addAnnotation(GENERATED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
  }

}
