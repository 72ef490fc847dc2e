package dev.wasmlink.spec.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java record as a layout of the wasm binary format: its components, in declaration order, are its\n * fields, each with an encoding annotation ({@link U8}, {@link Uleb32}, {@link Name}, {@link Vec}, ...) unless it is\n * itself a declared record or variant family. The processor generates {@code <Name>Decoder} and {@code <Name>Encoder}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Record {}
