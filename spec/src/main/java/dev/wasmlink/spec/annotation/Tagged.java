package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a sealed interface as a family of tagged variants: a tag comes first in the binary, then the fields of the
 * permitted record whose {@link Tag} matches. Symbol kinds, import descriptors, data segment kinds, constant
 * expressions and every kind of subsection are families.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tagged {
  /** How the tag is written: {@link Encoding#U8} or {@link Encoding#ULEB32}. */
  Encoding tag() default Encoding.U8;

  /**
   * Whether each variant's payload follows its tag as a ULEB128 byte size (subsections). A framed variant must use
   * exactly its declared size, and a framed family may keep unknown tags in an {@link OtherTags} record.
   */
  boolean framed() default false;

  /** A byte every variant ends with (0x0B, {@code end}, for constant expressions), or -1 for none. */
  int terminator() default -1;
}
