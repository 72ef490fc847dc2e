package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A vector: a ULEB128 count, then that many elements. The field is a {@code java.util.List}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Vec {
  /** How each element is written; {@link Encoding#RECORD} (the default) for a list of declared records. */
  Encoding value() default Encoding.RECORD;
}
