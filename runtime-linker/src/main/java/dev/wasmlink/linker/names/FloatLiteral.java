package dev.wasmlink.linker.names;

/**
 * A floating-point template argument ({@code Lf 3f800000 E}). The mangling holds the bits in hexadecimal; LLVM
 * prints the value with C's {@code %a} format (hexadecimal significand, binary exponent), plus an {@code f} suffix
 * for float, so {@code 1.0f} is {@code 0x1p+0f}. This class reproduces glibc's {@code %a} output.
 */
final class FloatLiteral extends Node {
  enum Width {
    FLOAT(8), DOUBLE(16),
    /**
     * LLVM reads long double literals in its host's format; on x86-64 (where llvm-cxxfilt-19 runs) that is the
     * 80-bit x87 format, 20 hex digits. (Clang mangles wasm's 128-bit long double with 32, which LLVM then rejects.)
     */
    X87(20);

    final int hexDigits;

    Width(int hexDigits) {
      this.hexDigits = hexDigits;
    }
  }

  private final String text;

  private FloatLiteral(String text) {
    this.text = text;
  }

  /** Reads the hexadecimal bits and the closing {@code E}; the cursor is just after the type letter. */
  static Node parse(Cursor in, Width width) {
    if (in.remaining() <= width.hexDigits) {
      return Cursor.fail();
    }
    long bits = 0;
    int signAndExponent = 0;
    for (int i = 0; i < width.hexDigits; i++) {
      char c = in.look(i);
      int digit;
      if (Cursor.isDigit(c)) {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else {
        // LLVM accepts upper-case digits but then decodes them wrongly; do not guess.
        return Cursor.fail();
      }
      if (width == Width.X87 && i < 4) {
        signAndExponent = (signAndExponent << 4) | digit;
      } else {
        bits = (bits << 4) | digit;
      }
    }
    in.skip(width.hexDigits);
    in.expect('E');
    if (width == Width.X87) {
      return new FloatLiteral(x87HexFormat(signAndExponent, bits) + "L");
    }
    double value = width == Width.FLOAT ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    return new FloatLiteral(hexFormat(value) + (width == Width.FLOAT ? "f" : ""));
  }

  /** C's {@code %a} for a double, as glibc writes it: {@code 0x1.8p+1}, {@code 0x0p+0}, {@code inf}, {@code nan}. */
  static String hexFormat(double value) {
    long bits = Double.doubleToRawLongBits(value);
    String sign = bits < 0 ? "-" : "";
    if (Double.isNaN(value)) {
      return sign + "nan";
    }
    if (Double.isInfinite(value)) {
      return sign + "inf";
    }
    int exponent = (int) ((bits >>> 52) & 0x7ff);
    long fraction = bits & 0xfffffffffffffL;
    if (exponent == 0 && fraction == 0) {
      return sign + "0x0p+0";
    }
    String lead;
    int binaryExponent;
    if (exponent == 0) {
      // Subnormal: glibc keeps the leading 0 and the minimum exponent rather than normalizing.
      lead = "0";
      binaryExponent = -1022;
    } else {
      lead = "1";
      binaryExponent = exponent - 1023;
    }
    String digits = String.format("%013x", fraction);
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    StringBuilder out = new StringBuilder(sign).append("0x").append(lead);
    if (end > 0) {
      out.append('.').append(digits, 0, end);
    }
    out.append('p').append(binaryExponent >= 0 ? "+" : "").append(binaryExponent);
    return out.toString();
  }

  /**
   * glibc's {@code %La} for an x87 long double: the 64-bit significand includes its integer bit, so it prints as
   * 16 hex digits starting with 8 to f and the exponent is lowered by 3 ({@code 1.0L} is {@code 0x8p-3}). Only
   * zero and normal numbers are handled; the rarer encodings give up.
   */
  static String x87HexFormat(int signAndExponent, long significand) {
    String sign = (signAndExponent & 0x8000) != 0 ? "-" : "";
    int exponent = signAndExponent & 0x7fff;
    if (exponent == 0 && significand == 0) {
      return sign + "0x0p+0";
    }
    if (exponent == 0 || exponent == 0x7fff || significand >= 0) {
      // Denormals, infinities, NaNs and unnormals (integer bit clear).
      return Cursor.fail();
    }
    String digits = String.format("%016x", significand);
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    int binaryExponent = exponent - 16383 - 3;
    StringBuilder out = new StringBuilder(sign).append("0x").append(digits.charAt(0));
    if (end > 1) {
      out.append('.').append(digits, 1, end);
    }
    out.append('p').append(binaryExponent >= 0 ? "+" : "").append(binaryExponent);
    return out.toString();
  }

  @Override
  void doPrintLeft(Printer out) {
    out.append(text);
  }
}
