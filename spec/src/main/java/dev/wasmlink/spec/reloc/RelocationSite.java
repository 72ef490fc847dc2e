package dev.wasmlink.spec.reloc;

/**
 * Where one relocation entry applies, as read from an input object: enough for a resolver to find the target and for
 * a message to name the place.
 *
 * @param file the input file, with the archive member in parentheses when there is one: {@code libc.a(printf.o)}
 * @param section the name of the patched section ({@code CODE}, {@code DATA}, {@code .debug_info})
 * @param sectionKind what kind of section that is
 * @param offset the offset of the patched field from the start of the section's payload
 * @param index the entry's index: a symbol-table index, or a type index for type relocations
 * @param addend the entry's addend, 0 when the kind carries none
 */
public record RelocationSite(
    String file, String section, PatchedSection sectionKind, int offset, int index, long addend) {

  /** "{@code file}, section {@code section} at offset {@code 0x..}", the place as messages name it. */
  public String describe() {
    return file + ": section " + section + " at offset 0x" + Integer.toHexString(offset);
  }
}
