package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exactly {@link #value()} bytes with no length prefix (an {@code f32.const} or {@code f64.const} immediate),\n * kept as a {@code ByteSlice}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface FixedBytes {
  /** How many bytes the field takes. */
  int value();
}
