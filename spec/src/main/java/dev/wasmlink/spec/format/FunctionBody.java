package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.SizedBytes;
import dev.wasmlink.spec.io.ByteSlice;

/**
 * One entry of the code section: locals and instructions, kept as a view of the input. The linker never decodes
 * instructions; relocations name byte offsets inside these bodies.
 */
@Record
public record FunctionBody(@SizedBytes ByteSlice code) {}
