package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as the payload of a core section with the given id (1 type ... 13 tag). A core section is a\n * record too: the processor generates its decoder and encoder, and its payload must be consumed exactly.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Section {
  /** The section id, 1 to 255 (0 is for custom sections: use {@link CustomSection}). */
  int value();
}
