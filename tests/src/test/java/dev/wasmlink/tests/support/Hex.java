package dev.wasmlink.tests.support;

import java.util.HexFormat;

/** Byte arrays written as hex, so a test's input reads like a hex dump: {@code bytes("ff ff ff ff 0f")}. */
final class Hex {
  private Hex() {}

  /** The bytes of a hex string; spaces are ignored. */
  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /** A hex string of the bytes, separated by spaces. */
  static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }

  /** A hex string of part of the bytes. */
  static String hex(byte[] bytes, int from, int length) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes, from, from + length);
  }

  /** {@code prefix}, then {@code count} copies of {@code repeated}, then {@code suffix}. */
  static String repeat(String prefix, String repeated, int count, String suffix) {
    return prefix + (" " + repeated).repeat(count) + " " + suffix;
  }
}
