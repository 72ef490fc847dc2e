package dev.wasmlink.spec.format;

/** The flag bits of a symbol-table entry (Linking.md, "Symbol table subsection"). */
public final class SymbolFlags {
  public static final int BINDING_WEAK = 0x1;
  public static final int BINDING_LOCAL = 0x2;
  public static final int VISIBILITY_HIDDEN = 0x4;
  public static final int UNDEFINED = 0x10;
  public static final int EXPORTED = 0x20;
  public static final int EXPLICIT_NAME = 0x40;
  public static final int NO_STRIP = 0x80;
  public static final int TLS = 0x100;
  public static final int ABSOLUTE = 0x200;

  private SymbolFlags() {}
}
