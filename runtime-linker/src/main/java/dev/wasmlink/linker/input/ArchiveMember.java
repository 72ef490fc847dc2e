package dev.wasmlink.linker.input;

import dev.wasmlink.spec.io.ByteSlice;
import java.util.Objects;

/**
 * One regular member of an archive: its resolved name, where its header starts in the archive file, and its
 * contents.
 *
 * <p>The header offset is the member's identity: it is the number symbol indexes store, so the linker goes from a
 * symbol to the member defining it by this offset. The data is a view into the archive's own array rather than a
 * copy, because a linker only decodes the members its symbol resolution pulls in, and copying every member up front
 * would double the memory of large libraries. For a BSD {@code #1/N} name the name bytes precede the contents inside
 * the member and are not part of {@code data}.
 *
 * @param name the member's name with the format's decorations removed (no trailing {@code /}, long names resolved)
 * @param headerOffset the byte offset of the member's 60-byte header from the start of the archive file
 * @param data the member's contents, a view of the archive file's bytes; {@code data().start()} is therefore the
 *     contents' offset in the archive file
 */
public record ArchiveMember(String name, int headerOffset, ByteSlice data) {

  public ArchiveMember {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    if (headerOffset < 0) {
      throw new IllegalArgumentException("negative header offset " + headerOffset);
    }
  }
}
