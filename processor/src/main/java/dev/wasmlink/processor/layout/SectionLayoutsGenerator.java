package dev.wasmlink.processor.layout;

import static dev.wasmlink.processor.layout.LayoutTypes.GENERATED;
import static dev.wasmlink.processor.layout.LayoutTypes.READER;
import static dev.wasmlink.processor.layout.LayoutTypes.WRITER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.wasmlink.processor.Names;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SectionLayouts} for a package that declares sections: decoding by section id or custom section name,
 * and encoding of any declared section model, so a reader or writer can handle every declared section without a
 * hand-kept list of them.
 */
public final class SectionLayoutsGenerator {

  public JavaFile generate(String packageName, List<RecordLayout> sections) {
    ClassName name = ClassName.get(packageName, "SectionLayouts");
    List<RecordLayout> core = sections.stream().filter(s -> s.sectionId() >= 0).toList();
    List<RecordLayout> custom = sections.stream().filter(s -> s.customName() != null).toList();

    CodeBlock.Builder coreSwitch = CodeBlock.builder();
    if (core.isEmpty()) {
      coreSwitch.addStatement("return null");
    } else {
      coreSwitch.add("return switch (id) {\n").indent();
      for (RecordLayout section : core) {
        coreSwitch.add("case $L -> $T.decode(in);\n", section.sectionId(), Names.decoderOf(section.type()));
      }
      coreSwitch.add("default -> null;\n").unindent().add("};\n");
    }
    MethodSpec decodeCore = MethodSpec.methodBuilder("decodeCore")
        .addJavadoc("The decoded payload of core section {@code id}, or {@code null} when no layout declares it.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(TypeName.INT, "id")
        .addParameter(READER, "in")
        .addCode(coreSwitch.build())
        .build();

    MethodSpec.Builder decodeCustom = MethodSpec.methodBuilder("decodeCustom")
        .addJavadoc("The decoded payload of the custom section called {@code name}, or {@code null} when no layout"
            + " declares it.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(String.class, "name")
        .addParameter(READER, "in");
    for (RecordLayout section : custom) {
      ClassName decoder = Names.decoderOf(section.type());
      decodeCustom.beginControlFlow("if ($T.accepts(name))", decoder)
          .addStatement("return $T.decode(in)", decoder)
          .endControlFlow();
    }
    decodeCustom.addStatement("return null");

    MethodSpec.Builder encode = MethodSpec.methodBuilder("encode")
        .addJavadoc("Writes the payload of a declared section model (custom sections without their name).\n\n")
        .addJavadoc("@return false when {@code section} is not a declared section model\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(Object.class, "section")
        .addParameter(WRITER, "out");
    for (RecordLayout section : sections) {
      encode.beginControlFlow("if (section instanceof $T payload)", section.type())
          .addStatement("$T.encode(payload, out)", Names.encoderOf(section.type()))
          .addStatement("return true")
          .endControlFlow();
    }
    encode.addStatement("return false");

    TypeSpec type = TypeSpec.classBuilder(name)
        .addJavadoc("Every section layout declared in this package, by id and by name.\n")
        .addAnnotation(GENERATED)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(LayoutTypes.privateConstructor())
        .addMethod(decodeCore)
        .addMethod(decodeCustom.build())
        .addMethod(encode.build())
        .build();
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).build();
  }
}
