package dev.wasmlink.linker.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles GNU and BSD archives byte by byte for the reader tests, computing header offsets and symbol tables the
 * way archivers do, so each test states only the members and symbols it is about. Malformed archives are made by
 * building a well-formed one and patching bytes, or from {@link #header} directly.
 */
final class TestArchives {
  static final String MAGIC = "!<arch>\n";
  /** Where the first member header starts: right after the magic. */
  static final int FIRST_HEADER = 8;

  private TestArchives() {}

  static Builder gnu() {
    return new Builder(false);
  }

  static Builder bsd() {
    return new Builder(true);
  }

  /** A 60-byte member header with the given name field and size field, zero times and owners, mode 644. */
  static byte[] header(String nameField, String sizeField) {
    String text =
        pad(nameField, 16) + pad("0", 12) + pad("0", 6) + pad("0", 6) + pad("644", 8) + pad(sizeField, 10) + "`\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != 60) {
      throw new IllegalArgumentException("header fields too wide: " + text);
    }
    return bytes;
  }

  /** Overwrites {@code bytes} at {@code offset} with the ASCII {@code text}. */
  static byte[] patch(byte[] bytes, int offset, String text) {
    byte[] replacement = text.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(replacement, 0, bytes, offset, replacement.length);
    return bytes;
  }

  /** Concatenates byte arrays and strings (as UTF-8) into one array. */
  static byte[] concat(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof byte[] bytes ? bytes : part.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String pad(String field, int width) {
    return field + " ".repeat(Math.max(0, width - field.length()));
  }

  /** A built archive and where its members' headers ended up. */
  record Built(byte[] bytes, Map<String, Integer> headerOffsets, int symbolTableDataOffset) {
    int headerOffset(String member) {
      Integer offset = headerOffsets.get(member);
      if (offset == null) {
        throw new IllegalArgumentException("no member " + member);
      }
      return offset;
    }
  }

  static final class Builder {
    private final boolean bsd;
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();
    /** Symbol to member name, or to a raw offset (a Long) for entries that point nowhere on purpose. */
    private final List<Map.Entry<String, Object>> symbols = new ArrayList<>();
    private boolean symbolTable;
    private boolean wide;
    private String bsdSymbolTableName = "__.SYMDEF";
    private boolean bsdLongNamesEverywhere;

    private Builder(boolean bsd) {
      this.bsd = bsd;
    }

    Builder member(String name, String text) {
      return member(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Builder member(String name, byte[] bytes) {
      names.add(name);
      contents.add(bytes);
      return this;
    }

    /** Lists {@code symbol} in the symbol index as defined by the member named {@code member}. */
    Builder symbol(String symbol, String member) {
      symbolTable = true;
      symbols.add(Map.entry(symbol, member));
      return this;
    }

    /** Lists {@code symbol} in the symbol index with the raw member offset {@code offset}. */
    Builder symbolAt(String symbol, long offset) {
      symbolTable = true;
      symbols.add(Map.entry(symbol, offset));
      return this;
    }

    /** Writes a symbol index member even when no symbol is listed. */
    Builder emptySymbolIndex() {
      symbolTable = true;
      return this;
    }

    /** Uses the 64-bit symbol table: {@code /SYM64/} or {@code __.SYMDEF_64}. */
    Builder wide() {
      wide = true;
      return this;
    }

    /** The BSD symbol table's name, such as {@code __.SYMDEF SORTED}. */
    Builder bsdSymbolTableName(String name) {
      bsdSymbolTableName = name;
      return this;
    }

    /** Writes every BSD name, the symbol table's too, as {@code #1/N} with NUL padding, as llvm-ar does. */
    Builder bsdLongNamesEverywhere() {
      bsdLongNamesEverywhere = true;
      return this;
    }

    Built build() {
      // Member bodies (for BSD long names, name bytes included) and header name fields, before any offset is known.
      List<String> nameFields = new ArrayList<>();
      List<byte[]> bodies = new ArrayList<>();
      ByteArrayOutputStream longNameTable = new ByteArrayOutputStream();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (bsd) {
          if (bsdLongNamesEverywhere || nameBytes.length > 16 || name.contains(" ")) {
            byte[] padded = padWithNuls(nameBytes);
            nameFields.add("#1/" + padded.length);
            bodies.add(concat(padded, contents.get(i)));
          } else {
            nameFields.add(name);
            bodies.add(contents.get(i));
          }
        } else {
          if (nameBytes.length > 15 || name.contains("/")) {
            nameFields.add("/" + longNameTable.size());
            longNameTable.writeBytes(concat(name, "/\n"));
          } else {
            nameFields.add(name + "/");
          }
          bodies.add(contents.get(i));
        }
      }

      // The symbol table's size does not depend on the offsets it holds, so it can be sized before the layout.
      byte[] symbolTableBytes = symbolTable ? symbolTable(new long[symbols.size()]) : null;
      String symbolTableField = bsd ? bsdSymbolTableName : (wide ? "/SYM64/" : "/");
      byte[] symbolTableNamePrefix = new byte[0];
      if (bsd && (bsdLongNamesEverywhere || bsdSymbolTableName.length() > 16)) {
        symbolTableNamePrefix = padWithNuls(bsdSymbolTableName.getBytes(StandardCharsets.UTF_8));
        symbolTableField = "#1/" + symbolTableNamePrefix.length;
      }

      int position = FIRST_HEADER;
      int symbolTableDataOffset = -1;
      if (symbolTable) {
        symbolTableDataOffset = position + 60 + symbolTableNamePrefix.length;
        position = next(position, symbolTableNamePrefix.length + symbolTableBytes.length);
      }
      if (longNameTable.size() > 0) {
        position = next(position, longNameTable.size());
      }
      Map<String, Integer> headerOffsets = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        headerOffsets.put(names.get(i), position);
        position = next(position, bodies.get(i).length);
      }

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(MAGIC.getBytes(StandardCharsets.US_ASCII));
      if (symbolTable) {
        long[] offsets = new long[symbols.size()];
        for (int i = 0; i < offsets.length; i++) {
          Object target = symbols.get(i).getValue();
          offsets[i] = target instanceof Long raw ? raw : headerOffsets.get((String) target);
        }
        writeMember(out, symbolTableField, concat(symbolTableNamePrefix, symbolTable(offsets)));
      }
      if (longNameTable.size() > 0) {
        writeMember(out, "//", longNameTable.toByteArray());
      }
      for (int i = 0; i < names.size(); i++) {
        writeMember(out, nameFields.get(i), bodies.get(i));
      }
      return new Built(out.toByteArray(), headerOffsets, symbolTableDataOffset);
    }

    private byte[] symbolTable(long[] offsets) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int width = wide ? 8 : 4;
      if (bsd) {
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteArrayOutputStream ranlib = new ByteArrayOutputStream();
        for (int i = 0; i < offsets.length; i++) {
          writeLittleEndian(ranlib, strings.size(), width);
          writeLittleEndian(ranlib, offsets[i], width);
          strings.writeBytes(concat(symbols.get(i).getKey(), new byte[1]));
        }
        writeLittleEndian(out, ranlib.size(), width);
        out.writeBytes(ranlib.toByteArray());
        writeLittleEndian(out, strings.size(), width);
        out.writeBytes(strings.toByteArray());
      } else {
        writeBigEndian(out, offsets.length, width);
        for (long offset : offsets) {
          writeBigEndian(out, offset, width);
        }
        for (Map.Entry<String, Object> symbol : symbols) {
          out.writeBytes(concat(symbol.getKey(), new byte[1]));
        }
      }
      return out.toByteArray();
    }

    private static void writeMember(ByteArrayOutputStream out, String nameField, byte[] body) {
      out.writeBytes(header(nameField, Integer.toString(body.length)));
      out.writeBytes(body);
      if (body.length % 2 == 1) {
        out.write('\n');
      }
    }

    /** Where the header after a member of {@code bodyLength} bytes starting at {@code position} goes. */
    private static int next(int position, int bodyLength) {
      return position + 60 + bodyLength + (bodyLength & 1);
    }

    /** Name bytes padded with NULs to a multiple of 4, so the padding has to be stripped by the reader. */
    private static byte[] padWithNuls(byte[] name) {
      byte[] padded = new byte[(name.length + 4) & ~3];
      System.arraycopy(name, 0, padded, 0, name.length);
      return padded;
    }

    private static void writeBigEndian(ByteArrayOutputStream out, long value, int width) {
      for (int i = width - 1; i >= 0; i--) {
        out.write((int) (value >>> (8 * i)));
      }
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value, int width) {
      for (int i = 0; i < width; i++) {
        out.write((int) (value >>> (8 * i)));
      }
    }
  }
}
