package dev.wasmlink.spec.annotation;

import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One relocation kind, declared on a constant of a {@link RelocationCatalogue} enum whose name is the kind's name.
 * Everything the linker knows of the kind comes from here: the field it patches, whether an addend follows in the
 * {@code reloc.*} entry, what its index names, how its value is computed and where it may be used.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Relocation {
  /** The kind's number in {@code reloc.*} entries, 0 to 1023. */
  int code();

  /** The field the relocation patches. */
  FieldEncoding field();

  /** Whether the entry carries an addend; only rules that add one may say so. */
  boolean addend() default false;

  /** What the entry's index refers to. */
  RelocationTarget target();

  /** How the value written into the field is computed. */
  RelocationRule rule();

  /**
   * Only against thread-local symbols (the value is an offset from {@code __tls_base}) when memory is shared; a
   * single-threaded link lowers thread-locals to plain memory and accepts any defined data symbol.
   */
  boolean tlsOnly() default false;

  /** Only in position-independent links, where {@code __memory_base} and {@code __table_base} exist. */
  boolean picOnly() default false;

  /**
   * Never against thread-local symbols in code or data when memory is shared (an absolute address reaches only the
   * main thread's copy); debug sections and single-threaded links may use it.
   */
  boolean forbiddenAgainstTls() default false;

  /** The sections whose bytes this kind may patch. */
  PatchedSection[] allowedIn() default {PatchedSection.CODE};

  /** One line for {@code wasmlink relocs}: what the field holds. */
  String summary() default "";
}
