package dev.wasmlink.linker.symbols;

import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveMember;

/** An archive member that defines a symbol and is read only if something needs the symbol. */
public record LazyMember(Archive archive, ArchiveMember member) {}
