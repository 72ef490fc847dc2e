package dev.wasmlink.linker.write;

import dev.wasmlink.spec.io.ByteWriter;

/**
 * Writes the few instructions the linker's own functions need (constructor calls, export wrappers, trapping stubs,
 * memory and TLS initialization, runtime relocations), with the encodings of the core, bulk memory and
 * threads proposals. A body starts with its local declarations ({@link #noLocals}) and ends with {@link #end}.
 */
public final class Instructions {
  private static final int UNREACHABLE = 0x00;
  private static final int BLOCK = 0x02;
  private static final int BLOCK_TYPE_EMPTY = 0x40;
  private static final int END = 0x0B;
  private static final int BR = 0x0C;
  private static final int BR_TABLE = 0x0E;
  private static final int CALL = 0x10;
  private static final int DROP = 0x1A;
  private static final int LOCAL_GET = 0x20;
  private static final int LOCAL_SET = 0x21;
  private static final int LOCAL_TEE = 0x22;
  private static final int I32 = 0x7F;
  private static final int GLOBAL_GET = 0x23;
  private static final int GLOBAL_SET = 0x24;
  private static final int I32_CONST = 0x41;
  private static final int I32_ADD = 0x6A;
  private static final int I32_STORE = 0x36;
  private static final int I64_CONST = 0x42;
  private static final int MISC_PREFIX = 0xFC;
  private static final int MEMORY_INIT = 0x08;
  private static final int DATA_DROP = 0x09;
  private static final int MEMORY_FILL = 0x0B;
  private static final int ATOMIC_PREFIX = 0xFE;
  private static final int ATOMIC_NOTIFY = 0x00;
  private static final int ATOMIC_WAIT32 = 0x01;
  private static final int I32_ATOMIC_STORE = 0x17;
  private static final int I32_ATOMIC_RMW_CMPXCHG = 0x48;
  /** log2 of the natural alignment of a 32-bit access, as every atomic memarg must say. */
  private static final int ALIGN_4 = 2;

  private final ByteWriter out = new ByteWriter();

  public Instructions noLocals() {
    out.writeUleb32(0);
    return this;
  }

  /** The body's local declarations: {@code count} locals of type i32. */
  public Instructions i32Locals(int count) {
    out.writeUleb32(1);
    out.writeUleb32(count);
    out.writeU8(I32);
    return this;
  }

  public Instructions unreachable() {
    out.writeU8(UNREACHABLE);
    return this;
  }

  public Instructions block() {
    out.writeU8(BLOCK);
    out.writeU8(BLOCK_TYPE_EMPTY);
    return this;
  }

  public Instructions end() {
    out.writeU8(END);
    return this;
  }

  public Instructions br(int depth) {
    out.writeU8(BR);
    out.writeUleb32(depth);
    return this;
  }

  /** {@code br_table} to {@code depths[value]}, or to {@code otherwise} when the value is out of range. */
  public Instructions brTable(int otherwise, int... depths) {
    out.writeU8(BR_TABLE);
    out.writeUleb32(depths.length);
    for (int depth : depths) {
      out.writeUleb32(depth);
    }
    out.writeUleb32(otherwise);
    return this;
  }

  public Instructions call(int function) {
    out.writeU8(CALL);
    out.writeUleb32(function);
    return this;
  }

  public Instructions drop() {
    out.writeU8(DROP);
    return this;
  }

  public Instructions localGet(int local) {
    out.writeU8(LOCAL_GET);
    out.writeUleb32(local);
    return this;
  }

  public Instructions localSet(int local) {
    out.writeU8(LOCAL_SET);
    out.writeUleb32(local);
    return this;
  }

  public Instructions localTee(int local) {
    out.writeU8(LOCAL_TEE);
    out.writeUleb32(local);
    return this;
  }

  public Instructions globalGet(int global) {
    out.writeU8(GLOBAL_GET);
    out.writeUleb32(global);
    return this;
  }

  public Instructions globalSet(int global) {
    out.writeU8(GLOBAL_SET);
    out.writeUleb32(global);
    return this;
  }

  public Instructions i32Const(long value) {
    out.writeU8(I32_CONST);
    out.writeSleb32((int) value);
    return this;
  }

  public Instructions i32Add() {
    out.writeU8(I32_ADD);
    return this;
  }

  /** {@code i32.store} (address, value) at the natural alignment, with no offset. */
  public Instructions i32Store() {
    out.writeU8(I32_STORE);
    out.writeUleb32(ALIGN_4);
    out.writeUleb32(0);
    return this;
  }

  public Instructions i64Const(long value) {
    out.writeU8(I64_CONST);
    out.writeSleb64(value);
    return this;
  }

  /** {@code memory.init}: copies from data segment {@code segment} into memory 0 (destination, offset, size). */
  public Instructions memoryInit(int segment) {
    out.writeU8(MISC_PREFIX);
    out.writeUleb32(MEMORY_INIT);
    out.writeUleb32(segment);
    out.writeU8(0);
    return this;
  }

  /** {@code memory.fill} of memory 0 (destination, value, size). */
  public Instructions memoryFill() {
    out.writeU8(MISC_PREFIX);
    out.writeUleb32(MEMORY_FILL);
    out.writeU8(0);
    return this;
  }

  public Instructions dataDrop(int segment) {
    out.writeU8(MISC_PREFIX);
    out.writeUleb32(DATA_DROP);
    out.writeUleb32(segment);
    return this;
  }

  /** {@code i32.atomic.rmw.cmpxchg} (address, expected, replacement), leaving the value found. */
  public Instructions i32AtomicCompareExchange() {
    return atomic(I32_ATOMIC_RMW_CMPXCHG);
  }

  public Instructions i32AtomicStore() {
    return atomic(I32_ATOMIC_STORE);
  }

  /** {@code memory.atomic.notify} (address, count of waiters to wake), leaving how many woke. */
  public Instructions atomicNotify() {
    return atomic(ATOMIC_NOTIFY);
  }

  /** {@code memory.atomic.wait32} (address, expected, timeout in ns or -1), leaving 0 woken, 1 not equal, 2 timed out. */
  public Instructions atomicWait32() {
    return atomic(ATOMIC_WAIT32);
  }

  private Instructions atomic(int opcode) {
    out.writeU8(ATOMIC_PREFIX);
    out.writeUleb32(opcode);
    out.writeUleb32(ALIGN_4);
    out.writeUleb32(0);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
