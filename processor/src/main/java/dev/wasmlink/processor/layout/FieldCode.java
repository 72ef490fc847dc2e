package dev.wasmlink.processor.layout;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.wasmlink.processor.Names;
import dev.wasmlink.processor.layout.FieldModel.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;
import javax.lang.model.element.Modifier;

/** The statements that read and write a list of fields; shared by record and variant code. */
final class FieldCode {
  private FieldCode() {}

  /** Reads every field from {@code in} into a local of the field's name, then returns the new record. */
  static CodeBlock decodeAndConstruct(ClassName type, List<FieldModel> fields, List<CodeBlock> leadingArguments) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<CodeBlock> arguments = new ArrayList<>(leadingArguments);
    for (FieldModel field : fields) {
      if (field.positionNeeded()) {
        code.addStatement("int $LPosition = in.position()", field.name());
      }
      if (field.condition() == null) {
        decodeInto(code, field, true);
      } else {
        code.addStatement("$T $L = null", field.type(), field.name());
        code.beginControlFlow("if ($L)", decodePresence(field.condition()));
        decodeInto(code, field, false);
        code.endControlFlow();
      }
      arguments.add(constructorArgument(field));
    }
    return code.addStatement("return new $T($L)", type, CodeBlock.join(arguments, ", ")).build();
  }

  private static void decodeInto(CodeBlock.Builder code, FieldModel field, boolean declare) {
    String target = declare ? "$T $L" : "$L";
    switch (field.shape()) {
      case SINGLE -> {
        if (declare) {
          code.addStatement("$T $L = $L", field.type(), field.name(), read(field));
        } else {
          code.addStatement("$L = $L", field.name(), read(field));
        }
      }
      case VEC -> {
        String count = field.name() + "Count";
        code.addStatement("int $L = in.readCount()", count);
        if (declare) {
          code.addStatement(target + " = new $T<>($L)", field.type(), field.name(), ArrayList.class, count);
        } else {
          code.addStatement(target + " = new $T<>($L)", field.name(), ArrayList.class, count);
        }
        code.beginControlFlow("for (int i = 0; i < $L; i++)", count)
            .addStatement("$L.add($L)", field.name(), read(field))
            .endControlFlow();
      }
      case REPEATED -> {
        if (declare) {
          code.addStatement(target + " = new $T<>()", field.type(), field.name(), ArrayList.class);
        } else {
          code.addStatement(target + " = new $T<>()", field.name(), ArrayList.class);
        }
        code.beginControlFlow("while (in.hasMore())")
            .addStatement("$L.add($L)", field.name(), read(field))
            .endControlFlow();
      }
    }
  }

  private static CodeBlock constructorArgument(FieldModel field) {
    if (field.shape() == Shape.SINGLE) {
      return CodeBlock.of("$L", field.name());
    }
    if (field.condition() == null) {
      return CodeBlock.of("$T.unmodifiableList($L)", Collections.class, field.name());
    }
    return CodeBlock.of("$L == null ? null : $T.unmodifiableList($L)", field.name(), Collections.class, field.name());
  }

  /** One value of the field's encoding, read from {@code in}. */
  private static CodeBlock read(FieldModel field) {
    return switch (field.encoding()) {
      case RECORD -> CodeBlock.of("$T.decode(in)", Names.decoderOf(field.recordType()));
      case FIXED_BYTES -> CodeBlock.of("in.readFixedBytes($L)", field.fixedLength());
      default -> CodeBlock.of("in.$L", field.encoding().readCall());
    };
  }

  private static CodeBlock decodePresence(Condition condition) {
    if (condition instanceof Condition.Masked masked) {
      return masked.test(masked.field());
    }
    Condition.Tested tested = (Condition.Tested) condition;
    return CodeBlock.of("in.test($L, $L, $LPosition)", tested.constant(), tested.argument(tested.field()),
        tested.field());
  }

  /** Writes every field of {@code source} (a record-typed local) to {@code out}. */
  static CodeBlock encode(String source, List<FieldModel> fields, String owner) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (FieldModel field : fields) {
      String access = source + "." + field.name() + "()";
      if (field.condition() == null) {
        encodeValue(code, field, access);
      } else {
        code.beginControlFlow("if ($L)", encodePresence(field.condition(), source));
        code.addStatement("$T.requireNonNull($L, $S)", Objects.class, access,
            owner + "." + field.name() + " must be present: its condition holds");
        encodeValue(code, field, access);
        // A value the condition says is absent would be dropped silently and not read back: refuse it.
        code.nextControlFlow("else if ($L != null)", access);
        code.addStatement("throw new $T($S)", IllegalArgumentException.class,
            owner + "." + field.name() + " must be null: its condition says it is absent");
        code.endControlFlow();
      }
    }
    return code.build();
  }

  private static void encodeValue(CodeBlock.Builder code, FieldModel field, String access) {
    switch (field.shape()) {
      case SINGLE -> code.addStatement(write(field, access));
      case VEC -> {
        code.addStatement("out.writeUleb32($L.size())", access);
        code.beginControlFlow("for ($T element : $L)", field.elementType(), access)
            .addStatement(write(field, "element"))
            .endControlFlow();
      }
      case REPEATED -> code.beginControlFlow("for ($T element : $L)", field.elementType(), access)
          .addStatement(write(field, "element"))
          .endControlFlow();
    }
  }

  private static CodeBlock write(FieldModel field, String value) {
    if (field.encoding() == ValueEncoding.RECORD) {
      return CodeBlock.of("$T.encode($L, out)", Names.encoderOf(field.recordType()), value);
    }
    return CodeBlock.of("out.$L($L)", field.encoding().writeMethod(), value);
  }

  private static CodeBlock encodePresence(Condition condition, String source) {
    String access = source + "." + condition.field() + "()";
    if (condition instanceof Condition.Masked masked) {
      return masked.test(access);
    }
    Condition.Tested tested = (Condition.Tested) condition;
    return CodeBlock.of("$L.test($L)", tested.constant(), tested.argument(access));
  }

  /** The predicate constants the fields' conditions use. */
  static List<FieldSpec> predicateConstants(List<FieldModel> fields) {
    List<FieldSpec> constants = new ArrayList<>();
    for (FieldModel field : fields) {
      if (field.condition() instanceof Condition.Tested tested) {
        constants.add(FieldSpec.builder(LongPredicate.class, tested.constant(),
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", tested.predicate())
            .build());
      }
    }
    return constants;
  }
}
