package dev.wasmlink.processor.layout;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/** When a conditional field is present. */
sealed interface Condition {
  /** The earlier field the condition reads. */
  String field();

  /**
   * Present when {@code field & mask} is (or is not) one of {@code values}.
   *
   * @param wide whether the field is a {@code long}
   */
  record Masked(String field, boolean wide, long mask, List<Long> values, boolean negated) implements Condition {
    /** The test over the field's value as {@code access} spells it. */
    CodeBlock test(String access) {
      String operand = mask == -1L ? access : "(" + access + " & " + literal(mask) + ")";
      List<CodeBlock> parts = new ArrayList<>();
      for (long value : values) {
        parts.add(CodeBlock.of("$L $L $L", operand, negated ? "!=" : "==", literal(value)));
      }
      return CodeBlock.join(parts, negated ? " && " : " || ");
    }

    private String literal(long value) {
      if (wide) {
        return "0x" + Long.toHexString(value) + "L";
      }
      int bits = (int) value;
      return bits >= 0 && bits < 10 ? Integer.toString(bits) : "0x" + Integer.toHexString(bits);
    }
  }

  /**
   * Present when a predicate accepts the field's value.
   *
   * @param constant the name of the generated constant holding the predicate
   */
  record Tested(String field, ClassName predicate, String constant) implements Condition {}
}
