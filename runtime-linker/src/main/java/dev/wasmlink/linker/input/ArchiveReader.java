package dev.wasmlink.linker.input;

import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.io.Printable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a Unix {@code ar} archive, the container static libraries come in, in both the GNU/SysV and the BSD/Darwin
 * flavour, since wasm toolchains produce either depending on the host ({@code llvm-ar --format=gnu|bsd}).
 *
 * <p>The reader walks the members once, consuming the bookkeeping ones (symbol table, GNU long-name table) and
 * keeping the rest as views of the file's bytes. Every offset and size is checked against the file before use, so
 * damaged input ends in a {@link MalformedInputException} naming the file, the member when its name is known and the
 * file offset of the bad bytes, never in an {@link IndexOutOfBoundsException}.
 *
 * <p>Thin archives, whose members are references to other files, are refused: reading them needs file system
 * access relative to the archive, which this byte-level reader deliberately does not have.
 */
public final class ArchiveReader {
  private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] THIN_MAGIC = "!<thin>\n".getBytes(StandardCharsets.US_ASCII);

  private final byte[] data;
  private final InputLocation file;
  private final List<ArchiveMember> members = new ArrayList<>();
  private LongNameTable longNames;
  private InputLocation symbolTableLocation;
  private List<SymbolTableEntry> symbolEntries = List.of();

  private ArchiveReader(byte[] data, String fileName) {
    this.data = data;
    this.file = InputLocation.ofFile(fileName);
  }

  /**
   * Whether {@code data} is meant as an archive: it starts with the {@code !<arch>\n} magic, or with a thin
   * archive's, which {@link #read} then refuses with a message that says so.
   */
  public static boolean isArchive(byte[] data) {
    return startsWith(data, MAGIC) || startsWith(data, THIN_MAGIC);
  }

  /**
   * Parses the archive in {@code data}. The returned archive's members are views of {@code data}, which must not be
   * modified afterwards.
   *
   * @param fileName how messages name the archive
   * @throws MalformedInputException if {@code data} is not a well-formed archive, or is a thin archive
   */
  public static Archive read(byte[] data, String fileName) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(fileName, "fileName");
    return new ArchiveReader(data, fileName).readArchive();
  }

  /** Where the symbol index member's data starts in the file: its errors count offsets from there. */
  private int symbolTableStart;

  private Archive readArchive() {
    if (startsWith(data, THIN_MAGIC)) {
      throw new MalformedInputException(file, 0, "thin archives are not supported");
    }
    if (!startsWith(data, MAGIC)) {
      throw new MalformedInputException(file, 0, "not an archive: the file does not start with '!<arch>\\n'");
    }
    long position = MAGIC.length;
    while (position < data.length) {
      ArchiveHeader header = ArchiveHeader.parse(data, (int) position, file);
      readMember(header);
      // Members start on even offsets: an odd-sized member is followed by one pad byte, not counted in its size. A
      // last member missing that pad is accepted, as other readers do, since nothing follows it.
      position = header.dataStart() + header.size() + (header.size() & 1);
    }
    return new Archive(file.file(), members, buildSymbolIndex(), symbolTableLocation != null);
  }

  /** Interprets the header's name field, then consumes the member as bookkeeping or keeps it as a regular member. */
  private void readMember(ArchiveHeader header) {
    String field = header.nameField();
    if (field.equals("/") || field.equals("/SYM64/")) {
      readSymbolTable(header, field, contents(header, field), false, field.equals("/SYM64/"));
    } else if (field.equals("//")) {
      if (longNames != null) {
        throw new MalformedInputException(file, header.offset(), "archive has a second long-name table '//'");
      }
      longNames = new LongNameTable(contents(header, field), file);
    } else if (field.startsWith("#1/")) {
      readBsdLongNamedMember(header, field);
    } else if (field.startsWith("/")) {
      String name = resolveGnuLongName(header, field);
      members.add(new ArchiveMember(name, header.offset(), contents(header, name)));
    } else if (field.endsWith("/")) {
      // A GNU short name: the '/' marks where the name ends, so names may contain spaces.
      String name = field.substring(0, field.length() - 1);
      members.add(new ArchiveMember(name, header.offset(), contents(header, name)));
    } else {
      readBsdMember(header, field, contents(header, field));
    }
  }

  /**
   * A BSD member whose name, {@code N} bytes long, sits at the start of its data rather than in the header. Darwin's
   * ar and llvm-ar pad that name with NULs so the contents after it are aligned; the padding is not part of the name.
   */
  private void readBsdLongNamedMember(ArchiveHeader header, String field) {
    long nameLength = ArchiveHeader.parseDecimal(field.substring(3));
    if (nameLength < 0) {
      throw new MalformedInputException(
          file, header.offset(), "member name '" + field + "' has a name length that is not a decimal number");
    }
    ByteSlice nameAndContents = contents(header, field);
    if (nameLength > nameAndContents.length()) {
      throw new MalformedInputException(
          file,
          header.offset(),
          "member name '" + field + "' announces a name of " + nameLength + " bytes but the member has only "
              + nameAndContents.length() + " bytes");
    }
    int length = (int) nameLength;
    int nameEnd = length;
    while (nameEnd > 0 && nameAndContents.get(nameEnd - 1) == 0) {
      nameEnd--;
    }
    String name = nameAndContents.slice(0, nameEnd).asUtf8();
    readBsdMember(header, name, nameAndContents.slice(length, nameAndContents.length() - length));
  }

  /** A member with a BSD-style name, which is either one of the BSD symbol table names or a regular member. */
  private void readBsdMember(ArchiveHeader header, String name, ByteSlice contents) {
    switch (name) {
      case "__.SYMDEF", "__.SYMDEF SORTED" -> readSymbolTable(header, name, contents, true, false);
      case "__.SYMDEF_64", "__.SYMDEF_64 SORTED" -> readSymbolTable(header, name, contents, true, true);
      default -> members.add(new ArchiveMember(name, header.offset(), contents));
    }
  }

  /** The name a GNU {@code /N} field refers to, N being an offset into the {@code //} member. */
  private String resolveGnuLongName(ArchiveHeader header, String field) {
    long nameOffset = ArchiveHeader.parseDecimal(field.substring(1));
    if (nameOffset < 0) {
      throw new MalformedInputException(
          file,
          header.offset(),
          "member name '" + field + "' starts with '/' but is not a '/N' reference into the long-name table");
    }
    if (longNames == null) {
      throw new MalformedInputException(
          file,
          header.offset(),
          "member name '" + field + "' refers to the long-name table '//', but no such table comes before it");
    }
    return longNames.nameAt(nameOffset, field, header.offset());
  }

  private void readSymbolTable(ArchiveHeader header, String name, ByteSlice contents, boolean bsd, boolean wide) {
    if (symbolTableLocation != null) {
      throw new MalformedInputException(
          file, header.offset(), "archive has a second symbol index member '" + name + "'");
    }
    symbolTableLocation = file.inMember(name);
    symbolTableStart = contents.start();
    MemberBytes bytes = new MemberBytes(contents, symbolTableLocation);
    symbolEntries = bsd ? BsdSymbolTable.decode(bytes, wide) : GnuSymbolTable.decode(bytes, wide);
  }

  /** The member's data as the header's size field announces it, which must end within the file. */
  private ByteSlice contents(ArchiveHeader header, String memberName) {
    long end = header.dataStart() + header.size();
    if (end > data.length) {
      // The member's bytes do not exist, so the error is placed in the archive file, at the member's header.
      throw new MalformedInputException(
          file,
          header.offset(),
          String.format(
              "member '%s' of %d bytes runs past the end of the file: its data would end at offset 0x%x but the file"
                  + " has only 0x%x bytes",
              Printable.escape(memberName), header.size(), end, data.length));
    }
    return ByteSlice.of(data, header.dataStart(), (int) header.size());
  }

  /**
   * Checks every symbol table entry against the members actually read (which is why this waits until all of them
   * are) and keeps the first definition of each symbol. An entry pointing anywhere but a member header would make the
   * linker decode garbage much later, far from the cause.
   */
  private SymbolIndex buildSymbolIndex() {
    Set<Long> headerOffsets = new HashSet<>();
    for (ArchiveMember member : members) {
      headerOffsets.add((long) member.headerOffset());
    }
    SymbolIndex.Builder index = new SymbolIndex.Builder();
    for (SymbolTableEntry entry : symbolEntries) {
      long target = entry.memberOffset();
      if (target < 0 || target >= data.length) {
        throw new MalformedInputException(
            symbolTableLocation,
            entry.entryOffset() - symbolTableStart,
            String.format(
                "symbol index entry for '%s' points at offset 0x%x, past the end of the file (0x%x bytes)",
                entry.symbol(), target, data.length));
      }
      if (!headerOffsets.contains(target)) {
        throw new MalformedInputException(
            symbolTableLocation,
            entry.entryOffset() - symbolTableStart,
            String.format(
                "symbol index entry for '%s' points at offset 0x%x, which is not the header of any member",
                entry.symbol(), target));
      }
      index.add(entry.symbol(), (int) target);
    }
    return index.build();
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }
}
