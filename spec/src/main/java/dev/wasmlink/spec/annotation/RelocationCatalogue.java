package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an enum as a catalogue of relocation kinds, one {@link Relocation} per constant. The processor generates a
 * handler class per kind, a {@code <Enum>Table} that looks kinds up by code and by name, and registers the table as a
 * {@code dev.wasmlink.spec.reloc.RelocationTable} service, so a jar that carries a catalogue adds its kinds to
 * every linker that has the jar on its class path.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RelocationCatalogue {
  /** The part of each constant's name left out of its handler's class name: {@code R_WASM_TABLE_INDEX_I32} becomes {@code TableIndexI32Handler}. */
  String prefix() default "R_WASM_";
}
