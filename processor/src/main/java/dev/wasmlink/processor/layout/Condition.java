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
        return (value >= 0 && value < 10 ? Long.toString(value) : "0x" + Long.toHexString(value)) + "L";
      }
      int bits = (int) value;
      return bits >= 0 && bits < 10 ? Integer.toString(bits) : "0x" + Integer.toHexString(bits);
    }
  }

  /**
   * Present when a predicate accepts the field's value.
   *
   * @param constant the name of the generated constant holding the predicate
   * @param unsigned32 whether the field is an unsigned 32-bit value held in an {@code int}, which the predicate must
   *     see as unsigned (an unknown relocation type 0xFFFFFFFF is 4294967295, not -1)
   */
  record Tested(String field, ClassName predicate, String constant, boolean unsigned32) implements Condition {
    /** The field's value as the predicate takes it, from {@code access}. */
    CodeBlock argument(String access) {
      return unsigned32 ? CodeBlock.of("$T.toUnsignedLong($L)", Integer.class, access) : CodeBlock.of("$L", access);
    }
  }
}
