package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record that keeps every variant of a framed {@link Tagged} family whose tag no other variant declares, so\n * newer objects still read and write back byte for byte. Its components must be {@code int tag} and a\n * {@link RemainingBytes} payload.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OtherTags {}
