package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tag value that selects this record inside its {@link Tagged} family: a symbol kind, an import kind, a\n * subsection id, a segment flag word.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tag {
  /** The tag value as it appears in the binary. */
  int value();
}
