package dev.wasmlink.linker.names;

/**
 * A floating-point template argument ({@code Lf 3f800000 E}). The mangling holds the bits in hexadecimal; LLVM
 * prints the value with C's {@code %a} format (hexadecimal significand, binary exponent), plus an {@code f} suffix
 * for float, so {@code 1.0f} is {@code 0x1p+0f}. This class reproduces glibc's {@code %a} output.
 */
final class FloatLiteral extends Node {
  enum Width {
    FLOAT(8), DOUBLE(16);

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
      bits = (bits << 4) | digit;
    }
    in.skip(width.hexDigits);
    in.expect('E');
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

  @Override
  void printLeft(Printer out) {
    out.append(text);
  }
}
