package dev.wasmlink.linker.input;

/**
 * One entry of a symbol table member as written, before the reader has checked that it names a member.
 *
 * @param symbol the symbol name
 * @param memberOffset the header offset the entry gives for the defining member, unchecked (may be past the file)
 * @param entryOffset where the entry's member offset is stored in the archive file, so an entry that points nowhere
 *     can be reported at the bytes that say so
 */
record SymbolTableEntry(String symbol, long memberOffset, int entryOffset) {}
