package dev.wasmlink.spec.io;

/**
 * Which input a reader is reading: the file, the archive member (or {@code null}) and the section being decoded (or
 * {@code null} outside any section). Messages print it as {@code lib.a(member.o): section CODE}.
 */
public record InputLocation(String file, String member, String section) {

  /** The location of a plain file, outside any section. */
  public static InputLocation ofFile(String file) {
    return new InputLocation(file, null, null);
  }

  /** The same input, inside the named section. */
  public InputLocation inSection(String sectionName) {
    return new InputLocation(file, member, sectionName);
  }

  /** The same file, inside the named archive member. */
  public InputLocation inMember(String memberName) {
    return new InputLocation(file, memberName, null);
  }

  /** {@code file} or {@code file(member)}: how wasm-ld names an input, safe to print on one line. */
  public String input() {
    return member == null ? Printable.escape(file) : Printable.escape(file) + "(" + Printable.escape(member) + ")";
  }

  @Override
  public String toString() {
    return section == null ? input() : input() + ": section " + Printable.escape(section);
  }
}
