package dev.wasmlink.spec.io;

/**
 * Makes names read from an input safe to print in a one-line message: control characters (a newline in a symbol or
 * section name, say) are written as escapes, so a hostile or damaged input cannot split or forge diagnostics.
 */
public final class Printable {
  private Printable() {}

  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (!control) {
          out.append(c);
        } else if (c == '\n') {
          out.append("\\n");
        } else if (c == '\t') {
          out.append("\\t");
        } else if (c == '\r') {
          out.append("\\r");
        } else {
          out.append(String.format("\\x%02x", (int) c));
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
