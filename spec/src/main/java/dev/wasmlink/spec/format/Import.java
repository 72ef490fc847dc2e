package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Name;
import dev.wasmlink.spec.annotation.Record;

/** One import: module name, field name, and what is imported. */
@Record
public record Import(@Name String module, @Name String field, ImportDescriptor descriptor) {}
