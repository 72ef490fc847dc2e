package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Record;

/** A defined global: its type and initial value. */
@Record
public record Global(GlobalType type, ConstExpr initialValue) {}
