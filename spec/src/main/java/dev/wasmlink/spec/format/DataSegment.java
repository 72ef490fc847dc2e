package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Encoding;
import dev.wasmlink.spec.annotation.SizedBytes;
import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.io.ByteSlice;

/** A data segment: active (copied at instantiation to its offset) or passive (copied by {@code memory.init}). */
@Tagged(tag = Encoding.ULEB32)
public sealed interface DataSegment {
  /** The segment's bytes, a view of the input. */
  ByteSlice bytes();

  @Tag(0)
  record Active(ConstExpr offset, @SizedBytes ByteSlice bytes) implements DataSegment {}

  @Tag(1)
  record Passive(@SizedBytes ByteSlice bytes) implements DataSegment {}

  @Tag(2)
  record ActiveInMemory(@Uleb32 int memory, ConstExpr offset, @SizedBytes ByteSlice bytes)
      implements DataSegment {}
}
