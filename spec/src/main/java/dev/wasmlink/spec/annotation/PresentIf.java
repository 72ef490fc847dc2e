package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field present only when an earlier integer field, masked, has (or has not) one of the given values. The field's
 * type must be able to say "absent": a boxed number, a {@code String}, a {@code ByteSlice} or a record, and it is
 * {@code null} when absent. A symbol's name, for example, is present unless the symbol is undefined without an
 * explicit name: {@code @PresentIf(field = "flags", mask = 0x50, notEqual = 0x10)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface PresentIf {
  /** The earlier field the condition reads. */
  String field();

  /** The bits of that field the condition looks at; all of them by default. */
  long mask() default -1L;

  /** The field is present when the masked value is one of these. Give this or {@link #notEqual()}, not both. */
  long[] equal() default {};

  /** The field is present when the masked value is none of these. */
  long[] notEqual() default {};
}
