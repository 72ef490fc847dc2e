package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as the payload of the custom section with this name (or, with {@link #prefix()}, of every\n * custom section whose name starts with it, as {@code reloc.*} does). The name itself is not part of the record.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CustomSection {
  /** The section name, or the start of it when {@link #prefix()} is true. */
  String value();

  /** Whether {@link #value()} is a prefix, as in {@code reloc.CODE}, {@code reloc.DATA}, {@code reloc..debug_info}. */
  boolean prefix() default false;
}
