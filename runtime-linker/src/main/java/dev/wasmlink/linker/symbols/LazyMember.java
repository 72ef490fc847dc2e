package dev.wasmlink.linker.symbols;

import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveMember;
import dev.wasmlink.linker.object.ObjectFile;

/**
 * Something that defines a symbol and is read only if the symbol is needed: an archive member, or an object given
 * between {@code --start-lib} and {@code --end-lib} ({@code archive} and {@code member} then null).
 */
public record LazyMember(Archive archive, ArchiveMember member, ObjectFile object) {

  static LazyMember of(Archive archive, ArchiveMember member) {
    return new LazyMember(archive, member, null);
  }

  static LazyMember of(ObjectFile object) {
    return new LazyMember(null, null, object);
  }

  /** How messages name it: {@code lib.a(member.o)} or the object's file. */
  String name() {
    return object != null ? object.location().input() : archive.locationOf(member).input();
  }
}
