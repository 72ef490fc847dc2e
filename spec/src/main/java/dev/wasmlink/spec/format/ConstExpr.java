package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.FixedBytes;
import dev.wasmlink.spec.annotation.Sleb32;
import dev.wasmlink.spec.annotation.Sleb64;
import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.io.ByteSlice;

/** A constant expression: one instruction, then {@code end}; global initialisers and segment offsets. */
@Tagged(terminator = 0x0B)
public sealed interface ConstExpr {
  @Tag(0x41)
  record I32Const(@Sleb32 int value) implements ConstExpr {}

  @Tag(0x42)
  record I64Const(@Sleb64 long value) implements ConstExpr {}

  /** The immediate is kept as its 4 bytes so NaN payloads survive a round trip. */
  @Tag(0x43)
  record F32Const(@FixedBytes(4) ByteSlice bits) implements ConstExpr {}

  @Tag(0x44)
  record F64Const(@FixedBytes(8) ByteSlice bits) implements ConstExpr {}

  @Tag(0x23)
  record GlobalGet(@Uleb32 int global) implements ConstExpr {}

  @Tag(0xD0)
  record RefNull(@U8 int referenceType) implements ConstExpr {}

  @Tag(0xD2)
  record RefFunc(@Uleb32 int function) implements ConstExpr {}
}
