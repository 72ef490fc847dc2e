package dev.wasmlink.spec.reloc;

/** The kinds of section whose bytes a relocation may patch. */
public enum PatchedSection {
  CODE,
  DATA,
  /** A custom section, such as DWARF's {@code .debug_info}. */
  CUSTOM
}
