package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.U8;

/** A table: its element reference type (0x70 funcref, 0x6F externref) and limits. */
@Record
public record TableType(@U8 int elementType, Limits limits) {}
