package dev.wasmlink.processor.relocation;

import static dev.wasmlink.processor.relocation.RelocationTypes.HANDLER;
import static dev.wasmlink.processor.relocation.RelocationTypes.TABLE;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a catalogue's table: one handler instance per kind, an array indexed by code (codes are small and mostly
 * dense, so a lookup is one bounds check and one load) and a string switch by name.
 */
public final class RelocationTableGenerator {

  public JavaFile generate(CatalogueModel catalogue) {
    List<RelocationKindModel> kinds = catalogue.kinds();
    int firstCode = kinds.isEmpty() ? 0 : kinds.get(0).code();
    int lastCode = kinds.isEmpty() ? -1 : kinds.get(kinds.size() - 1).code();

    List<CodeBlock> handlers = new ArrayList<>();
    for (RelocationKindModel kind : kinds) {
      handlers.add(CodeBlock.of("new $T()", kind.handler()));
    }
    FieldSpec all =
        FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), HANDLER), "HANDLERS",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Every kind of the catalogue, in code order.\n")
            .initializer(CodeBlock.builder()
                .add("$T.of(\n", List.class).indent().indent()
                .add(CodeBlock.join(handlers, ",\n"))
                .add(")").unindent().unindent().build())
            .build();

    List<CodeBlock> slots = new ArrayList<>();
    int next = 0;
    for (int code = firstCode; code <= lastCode; code++) {
      if (next < kinds.size() && kinds.get(next).code() == code) {
        slots.add(CodeBlock.of("HANDLERS.get($L)", next));
        next++;
      } else {
        slots.add(CodeBlock.of("null"));
      }
    }
    FieldSpec byCode =
        FieldSpec.builder(ArrayTypeName.of(HANDLER), "BY_CODE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Slot {@code code - FIRST_CODE} holds the kind with that code; gaps are null.\n")
            .initializer(CodeBlock.builder()
                .add("{\n").indent().indent()
                .add(CodeBlock.join(slots, ",\n"))
                .add("}").unindent().unindent().build())
            .build();
    FieldSpec first =
        FieldSpec.builder(TypeName.INT, "FIRST_CODE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", firstCode)
            .build();

    MethodSpec handlersMethod =
        MethodSpec.methodBuilder("handlers")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), HANDLER))
            .addStatement("return HANDLERS")
            .build();
    MethodSpec byCodeMethod =
        MethodSpec.methodBuilder("byCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(HANDLER)
            .addParameter(TypeName.INT, "code")
            .addStatement("int slot = code - FIRST_CODE")
            .addStatement("return slot >= 0 && slot < BY_CODE.length ? BY_CODE[slot] : null")
            .build();
    MethodSpec.Builder byNameMethod =
        MethodSpec.methodBuilder("byName")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(HANDLER)
            .addParameter(String.class, "name");
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (name) {\n").indent();
    for (int i = 0; i < kinds.size(); i++) {
      cases.add("case $S -> HANDLERS.get($L);\n", kinds.get(i).name(), i);
    }
    cases.add("default -> null;\n").unindent().add("};\n");
    byNameMethod.addCode(cases.build());

    TypeSpec table =
        TypeSpec.classBuilder(catalogue.table())
            .addJavadoc("The relocation kinds declared by {@link $T}, looked up by code and by name.\n",
                catalogue.declaration())
            .addAnnotation(GeneratedAnnotation.SPEC)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(TABLE)
            .addField(all)
            .addField(first)
            .addField(byCode)
            .addMethod(handlersMethod)
            .addMethod(byCodeMethod)
            .addMethod(byNameMethod.build())
            .build();
    return JavaFile.builder(catalogue.table().packageName(), table).skipJavaLangImports(true).build();
  }
}
