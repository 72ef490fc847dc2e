package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.LongPredicate;

/**
 * A field present when a predicate accepts the value of an earlier integer field: for conditions no mask can say,
 * such as "a relocation entry has an addend when its type is one that carries one". The predicate class needs a
 * public no-argument constructor; it may throw {@link IllegalArgumentException} to reject the value, which the
 * decoder reports as malformed input at that field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface PresentWhen {
  /** The earlier field the predicate reads. */
  String field();

  /** The predicate. */
  Class<? extends LongPredicate> test();
}
