package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Uleb32;

/** An exception tag: attribute (0, exception) and the type of its payload. */
@Record
public record TagType(@U8 int attribute, @Uleb32 int typeIndex) {}
