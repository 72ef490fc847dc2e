package dev.wasmlink.linker.object;

import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an object's header and section table: the magic and version, then each section's id, size and (for custom
 * sections) name, checking that every size stays inside the object and that core sections come once each and in
 * order. Section contents are left for {@link ObjectFile} to decode when asked.
 */
public final class ObjectReader {
  /** {@code \0asm}. */
  private static final int MAGIC = 0x6D736100;
  private static final int VERSION = 1;

  private ObjectReader() {}

  /** LLVM bitcode, bare ({@code BC 0xC0DE}) or in its wrapper ({@code 0x0B17C0DE}), as read little-endian. */
  private static final int BITCODE = 0xDEC04342;
  private static final int BITCODE_WRAPPER = 0x0B17C0DE;
  private static final int ELF = 0x464C457F;

  /**
   * What a file that does not start with {@code \0asm} is, for the one line that refuses it: bitcode from
   * {@code -flto} (wasm-ld would optimize it; wasmlink has no LTO) and ELF objects get their names.
   */
  private static String notAWasmObject(int magic) {
    return switch (magic) {
      case BITCODE, BITCODE_WRAPPER -> "LLVM bitcode (an -flto object): wasmlink does not do link-time optimization;"
          + " build it without -flto";
      case ELF -> "unknown file type: an ELF file, not a wasm object (built for another target?)";
      default -> "not a wasm object: bad magic number " + String.format("0x%08x", magic) + " (expected \\0asm)";
    };
  }

  /** Reads the object held in {@code bytes}, a whole file or an archive member. */
  public static ObjectFile read(ByteSlice bytes, InputLocation location) {
    ByteReader in = ByteReader.of(bytes.array(), bytes.start(), bytes.length(), location);
    if (bytes.length() < 8) {
      throw in.error("file is too short to be a wasm object (" + bytes.length() + " bytes; the header alone is 8)");
    }
    int magic = in.readI32();
    if (magic != MAGIC) {
      throw in.errorAt(bytes.start(), notAWasmObject(magic));
    }
    int versionPosition = in.position();
    int version = in.readI32();
    if (version != VERSION) {
      throw in.errorAt(versionPosition, "unsupported wasm version " + version + " (expected 1)");
    }
    List<SectionHeader> sections = new ArrayList<>();
    int lastRank = 0;
    int lastId = 0;
    while (in.hasMore()) {
      int offset = in.objectOffset();
      int idPosition = in.position();
      int id = in.readU8();
      String coreName = SectionHeader.coreName(id);
      if (id != 0 && coreName == null) {
        throw in.errorAt(idPosition, "unknown section id " + id);
      }
      ByteReader payload = in.readSized((id == 0 ? "custom" : coreName) + " section");
      String name = coreName;
      if (id == 0) {
        name = payload.readName();
      } else {
        int rank = SectionHeader.orderRank(id);
        if (rank <= lastRank) {
          throw in.errorAt(idPosition, lastId == id
              ? "duplicate " + coreName + " section"
              : coreName + " section comes after " + SectionHeader.coreName(lastId) + ", out of order");
        }
        lastRank = rank;
        lastId = id;
      }
      ByteSlice slice = ByteSlice.of(bytes.array(), payload.position(), payload.remaining());
      sections.add(new SectionHeader(sections.size(), id, name, offset, slice));
    }
    return new ObjectFile(location, bytes.start(), sections);
  }
}
