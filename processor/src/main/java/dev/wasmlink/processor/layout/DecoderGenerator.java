package dev.wasmlink.processor.layout;

import static dev.wasmlink.processor.layout.LayoutTypes.GENERATED;
import static dev.wasmlink.processor.layout.LayoutTypes.READER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.wasmlink.processor.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Type>Decoder}: a static {@code decode(ByteReader)} that reads a record's fields in order, or reads a
 * family's tag and dispatches to the variant it selects. Section decoders also check that the payload was consumed
 * exactly and name their section.
 */
public final class DecoderGenerator {

  public JavaFile generate(RecordLayout layout) {
    ClassName decoder = Names.decoderOf(layout.type());
    MethodSpec.Builder decode =
        MethodSpec.methodBuilder("decode")
            .addJavadoc("Reads one {@link $T} at the reader's position.\n", layout.type())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(layout.type())
            .addParameter(READER, "in");
    CodeBlock body = FieldCode.decodeAndConstruct(layout.type(), layout.fields(), List.of());
    if (layout.isSection()) {
      // A section's payload must be used exactly: split the final return so the check runs before it.
      decode.addJavadoc("\n<p>The reader must hold exactly the section's payload.\n");
      decode.addStatement("$T section = decodeFields(in)", layout.type())
          .addStatement("in.expectEnd($S)", sectionWords(layout))
          .addStatement("return section");
    } else {
      decode.addCode(body);
    }
    TypeSpec.Builder type = classBuilder(decoder, layout.type());
    type.addFields(FieldCode.predicateConstants(layout.fields()));
    sectionConstants(layout, type);
    type.addMethod(LayoutTypes.privateConstructor()).addMethod(decode.build());
    if (layout.isSection()) {
      type.addMethod(MethodSpec.methodBuilder("decodeFields")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(layout.type())
          .addParameter(READER, "in")
          .addCode(body)
          .build());
    }
    return JavaFile.builder(decoder.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  public JavaFile generate(FamilyLayout family) {
    ClassName decoder = Names.decoderOf(family.type());
    String words = Names.words(Names.flatName(family.type()));
    MethodSpec.Builder decode =
        MethodSpec.methodBuilder("decode")
            .addJavadoc("Reads a tag and the {@link $T} variant it selects.\n", family.type())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(family.type())
            .addParameter(READER, "in");
    if (family.other() == null) {
      // Only an unknown tag is an error, and it is reported where the tag starts.
      decode.addStatement("int tagPosition = in.position()");
    }
    decode.addStatement("int tag = in.$L", family.tagEncoding().readCall());
    String source = "in";
    if (family.framed()) {
      decode.addStatement("$T payload = in.readSized($S)", READER, words);
      source = "payload";
    }
    CodeBlock.Builder dispatch = CodeBlock.builder()
        .add("$T variant = switch (tag) {\n", family.type())
        .indent();
    for (FamilyLayout.Variant variant : family.variants()) {
      dispatch.add("case $L -> $L($L);\n", Names.literal(variant.tag()), methodName(variant), source);
    }
    if (family.other() != null) {
      dispatch.add("default -> $L(tag, $L);\n", methodName(family.other()), source);
    } else {
      dispatch.add("default -> throw in.errorAt(tagPosition, $S + $T.toHexString(tag));\n",
          "unknown " + words + " tag 0x", Integer.class);
    }
    decode.addCode(dispatch.unindent().add("};\n").build());
    if (family.framed()) {
      decode.addStatement("payload.expectEnd($S + tag)", words + " ");
    }
    if (family.terminator() >= 0) {
      decode.addStatement("in.expectByte($L, $S)", Names.literal(family.terminator()), "end of " + words);
    }
    decode.addStatement("return variant");

    TypeSpec.Builder type = classBuilder(decoder, family.type());
    for (FamilyLayout.Variant variant : family.allVariants()) {
      type.addFields(FieldCode.predicateConstants(variant.fields()));
    }
    type.addMethod(LayoutTypes.privateConstructor()).addMethod(decode.build());
    for (FamilyLayout.Variant variant : family.allVariants()) {
      boolean other = variant == family.other();
      MethodSpec.Builder method = MethodSpec.methodBuilder(methodName(variant))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(variant.type());
      List<CodeBlock> leading = List.of();
      if (other) {
        method.addParameter(TypeName.INT, "tag");
        leading = List.of(CodeBlock.of("tag"));
      }
      method.addParameter(READER, "in").addCode(FieldCode.decodeAndConstruct(variant.type(), variant.fields(), leading));
      type.addMethod(method.build());
    }
    return JavaFile.builder(decoder.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private static String methodName(FamilyLayout.Variant variant) {
    return "decode" + variant.type().simpleName();
  }

  private static TypeSpec.Builder classBuilder(ClassName decoder, ClassName decoded) {
    return TypeSpec.classBuilder(decoder)
        .addJavadoc("Decodes {@link $T} from the wasm binary format. Generated from its declaration.\n", decoded)
        .addAnnotation(GENERATED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
  }

  private static void sectionConstants(RecordLayout layout, TypeSpec.Builder type) {
    if (layout.sectionId() >= 0) {
      type.addField(FieldSpec.builder(TypeName.INT, "ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The section id.\n")
          .initializer("$L", layout.sectionId())
          .build());
    } else if (layout.customName() != null) {
      String constant = layout.customPrefix() ? "NAME_PREFIX" : "NAME";
      type.addField(FieldSpec.builder(String.class, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(layout.customPrefix() ? "How the names of these custom sections start.\n"
              : "The custom section's name.\n")
          .initializer("$S", layout.customName())
          .build());
      type.addMethod(MethodSpec.methodBuilder("accepts")
          .addJavadoc("Whether a custom section of this name has this layout.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(TypeName.BOOLEAN)
          .addParameter(String.class, "sectionName")
          .addStatement(layout.customPrefix() ? "return sectionName.startsWith($L)" : "return sectionName.equals($L)",
              constant)
          .build());
    }
  }

  private static String sectionWords(RecordLayout layout) {
    return layout.customName() != null
        ? "custom section " + layout.customName() + (layout.customPrefix() ? "*" : "")
        : Names.words(layout.type().simpleName());
  }
}
