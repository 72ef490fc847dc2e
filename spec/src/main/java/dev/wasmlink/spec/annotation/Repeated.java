package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Elements repeated until the enclosing payload ends, with no count (the subsections of {@code linking}, {@code name}
 * and {@code dylink.0}). It must be the last field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Repeated {
  /** How each element is written; {@link Encoding#RECORD} (the default) for declared records. */
  Encoding value() default Encoding.RECORD;
}
