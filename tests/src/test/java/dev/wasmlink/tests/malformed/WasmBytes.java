package dev.wasmlink.tests.malformed;

import dev.wasmlink.spec.io.ByteWriter;
import java.nio.charset.StandardCharsets;

/**
 * A byte-by-byte builder for small, hand-made wasm objects, so every offset a test expects can be counted by hand:
 * LEBs come out in their shortest form unless written with {@link #raw}, and nothing is added that the test did not
 * ask for.
 */
final class WasmBytes {
  /** {@code \0asm} and version 1: the 8-byte header every object starts with. */
  static final byte[] HEADER = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};

  private final ByteWriter out = new ByteWriter();

  /** An empty buffer, for section payloads and other fragments. */
  static WasmBytes bytes() {
    return new WasmBytes();
  }

  /** A buffer that starts with the object header. */
  static WasmBytes object() {
    return new WasmBytes().raw(HEADER);
  }

  /** Bytes exactly as given, each int taken modulo 256. */
  WasmBytes raw(int... values) {
    for (int value : values) {
      out.writeU8(value);
    }
    return this;
  }

  WasmBytes raw(byte[] values) {
    out.writeBytes(values, 0, values.length);
    return this;
  }

  WasmBytes raw(WasmBytes other) {
    return raw(other.toByteArray());
  }

  WasmBytes uleb(int value) {
    out.writeUleb32(value);
    return this;
  }

  /** A name: its byte length, then its UTF-8. */
  WasmBytes name(String name) {
    out.writeName(name);
    return this;
  }

  /** A length-prefixed run of raw bytes (a name that need not be valid UTF-8, a code body, a subsection). */
  WasmBytes sized(WasmBytes payload) {
    byte[] bytes = payload.toByteArray();
    out.writeUleb32(bytes.length);
    out.writeBytes(bytes, 0, bytes.length);
    return this;
  }

  /** A core section: its id, its payload size as a ULEB, its payload. */
  WasmBytes section(int id, WasmBytes payload) {
    out.writeU8(id);
    return sized(payload);
  }

  /** A custom section: id 0, then the size of name and payload together, the name, the payload. */
  WasmBytes custom(String name, WasmBytes payload) {
    return section(0, bytes().name(name).raw(payload));
  }

  /** A {@code linking} subsection: its id, its size, its payload. */
  WasmBytes subsection(int id, WasmBytes payload) {
    out.writeU8(id);
    return sized(payload);
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
