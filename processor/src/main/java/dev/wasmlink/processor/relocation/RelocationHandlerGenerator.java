package dev.wasmlink.processor.relocation;

import static dev.wasmlink.processor.relocation.RelocationTypes.EXCEPTION;
import static dev.wasmlink.processor.relocation.RelocationTypes.FIELDS;
import static dev.wasmlink.processor.relocation.RelocationTypes.FIELD_ENCODING;
import static dev.wasmlink.processor.relocation.RelocationTypes.HANDLER;
import static dev.wasmlink.processor.relocation.RelocationTypes.KIND;
import static dev.wasmlink.processor.relocation.RelocationTypes.PATCHED_SECTION;
import static dev.wasmlink.processor.relocation.RelocationTypes.RESOLVER;
import static dev.wasmlink.processor.relocation.RelocationTypes.RULE;
import static dev.wasmlink.processor.relocation.RelocationTypes.SITE;
import static dev.wasmlink.processor.relocation.RelocationTypes.SYMBOL_FACTS;
import static dev.wasmlink.processor.relocation.RelocationTypes.TARGET;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes one handler class per relocation kind: its {@code KIND} constant, the constraint checks its declaration
 * asks for, the formula of its rule, and the read and write of its field.
 */
public final class RelocationHandlerGenerator {

  /** The handler's source file. */
  public JavaFile generate(RelocationKindModel kind) {
    TypeSpec handler =
        TypeSpec.classBuilder(kind.handler())
            .addJavadoc(javadoc(kind))
            .addAnnotation(GeneratedAnnotation.SPEC)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(HANDLER)
            .addField(kindConstant(kind))
            .addMethod(kindMethod())
            .addMethod(valueMethod(kind))
            .addMethod(applyMethod(kind))
            .addMethod(readMethod(kind))
            .build();
    return JavaFile.builder(kind.handler().packageName(), handler).skipJavaLangImports(true).build();
  }

  private static CodeBlock javadoc(RelocationKindModel kind) {
    CodeBlock.Builder doc = CodeBlock.builder().add("$L (code $L)", kind.name(), kind.code());
    if (!kind.summary().isEmpty()) {
      doc.add(": $L", kind.summary());
    }
    doc.add(".\n\n<p>Patches its $L field with $L", kind.field(), kind.rule().description());
    if (kind.tlsOnly()) {
      doc.add("; only against thread-local symbols");
    }
    if (kind.forbiddenAgainstTls()) {
      doc.add("; never against thread-local symbols");
    }
    if (kind.picOnly()) {
      doc.add("; only in position-independent links");
    }
    return doc.add(".\n").build();
  }

  private static FieldSpec kindConstant(RelocationKindModel kind) {
    CodeBlock sections = CodeBlock.join(
        kind.allowedIn().stream().map(section -> CodeBlock.of("$T.$L", PATCHED_SECTION, section)).toList(), ", ");
    CodeBlock initializer =
        CodeBlock.builder()
            .add("new $T(\n", KIND)
            .indent()
            .indent()
            .add("$L,\n", kind.code())
            .add("$S,\n", kind.name())
            .add("$T.$L,\n", FIELD_ENCODING, kind.field())
            .add("/* hasAddend= */ $L,\n", kind.addend())
            .add("$T.$L,\n", TARGET, kind.target())
            .add("$T.$L,\n", RULE, kind.rule())
            .add("/* tlsOnly= */ $L,\n", kind.tlsOnly())
            .add("/* picOnly= */ $L,\n", kind.picOnly())
            .add("/* forbiddenAgainstTls= */ $L,\n", kind.forbiddenAgainstTls())
            .add("$T.of($L),\n", Set.class, sections)
            .add("$S)", kind.summary())
            .unindent()
            .unindent()
            .build();
    return FieldSpec.builder(KIND, "KIND", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(initializer)
        .build();
  }

  private static MethodSpec kindMethod() {
    return MethodSpec.methodBuilder("kind")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(KIND)
        .addStatement("return KIND")
        .build();
  }

  private static MethodSpec valueMethod(RelocationKindModel kind) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("value")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.LONG)
            .addParameter(SITE, "site")
            .addParameter(RESOLVER, "resolver");
    method.beginControlFlow("if (!KIND.isAllowedIn(site.sectionKind()))")
        .addStatement("throw $T.notAllowedIn(KIND, site)", EXCEPTION)
        .endControlFlow();
    if (kind.picOnly()) {
      method.beginControlFlow("if (!resolver.isPositionIndependent())")
          .addStatement("throw $T.requiresPic(KIND, site)", EXCEPTION)
          .endControlFlow();
    }
    if (kind.tlsOnly() || kind.forbiddenAgainstTls()) {
      method.addStatement("$T symbol = resolver.symbol(site)", SYMBOL_FACTS);
    }
    if (kind.tlsOnly()) {
      method.beginControlFlow("if (symbol.isUndefined())")
          .addStatement("throw $T.undefinedTlsSymbol(KIND, site, symbol)", EXCEPTION)
          .endControlFlow()
          // Single-threaded, thread_local was lowered to plain memory, so any data symbol is in reach (wasm-ld).
          .beginControlFlow("if (resolver.isMemoryShared() && !symbol.isTls())")
          .addStatement("throw $T.nonTlsSymbol(KIND, site, symbol)", EXCEPTION)
          .endControlFlow();
    }
    if (kind.forbiddenAgainstTls()) {
      // With threads, an absolute address reaches only the main thread's copy. Single-threaded that copy is the
      // only one; debug information may describe a thread-local by its address either way.
      method.beginControlFlow(
              "if (resolver.isMemoryShared() && symbol.isTls() && site.sectionKind() != $T.CUSTOM)", PATCHED_SECTION)
          .addStatement("throw $T.tlsSymbolForbidden(KIND, site, symbol)", EXCEPTION)
          .endControlFlow();
    }
    return method.addStatement("return $L", kind.rule().valueExpression()).build();
  }

  private static MethodSpec applyMethod(RelocationKindModel kind) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("apply")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(SITE, "site")
            .addParameter(RESOLVER, "resolver")
            .addParameter(byte[].class, "buffer")
            .addParameter(TypeName.INT, "position")
            .addStatement("long value = value(site, resolver)");
    if (kind.field().fitsMethod() != null) {
      method.beginControlFlow("if (!$T.$L(value))", FIELDS, kind.field().fitsMethod())
          .addStatement("throw $T.valueOutOfRange(KIND, site, value, resolver)", EXCEPTION)
          .endControlFlow();
    }
    return method.addStatement("$T.$L(buffer, position, value)", FIELDS, kind.field().writeMethod()).build();
  }

  private static MethodSpec readMethod(RelocationKindModel kind) {
    return MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.LONG)
        .addParameter(byte[].class, "buffer")
        .addParameter(TypeName.INT, "position")
        .addStatement("return $T.$L(buffer, position)", FIELDS, kind.field().readMethod())
        .build();
  }
}
