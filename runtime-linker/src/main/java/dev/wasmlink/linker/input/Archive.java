package dev.wasmlink.linker.input;

import dev.wasmlink.spec.io.InputLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code ar} archive: its regular members in file order and its symbol index.
 *
 * <p>The format's bookkeeping members (symbol tables, the GNU long-name table) are consumed by the reader and do not
 * appear among {@link #members()}. Member contents stay views of the file's bytes, so an {@code Archive} is cheap to
 * hold while symbol resolution decides which members to decode.
 */
public final class Archive {
  private final String fileName;
  private final List<ArchiveMember> members;
  private final SymbolIndex symbolIndex;
  private final boolean hasSymbolIndex;
  private final Map<Integer, ArchiveMember> membersByHeaderOffset;

  Archive(String fileName, List<ArchiveMember> members, SymbolIndex symbolIndex, boolean hasSymbolIndex) {
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.members = List.copyOf(members);
    this.symbolIndex = Objects.requireNonNull(symbolIndex, "symbolIndex");
    this.hasSymbolIndex = hasSymbolIndex;
    this.membersByHeaderOffset = new HashMap<>();
    for (ArchiveMember member : this.members) {
      membersByHeaderOffset.put(member.headerOffset(), member);
    }
  }

  /** The name the archive was read under, as messages print it. */
  public String fileName() {
    return fileName;
  }

  /** The regular members, in the order they appear in the file. */
  public List<ArchiveMember> members() {
    return members;
  }

  /**
   * Whether the file has a symbol index member. An archive without one (made with {@code ar rc} and no {@code s})
   * has an empty {@link #symbolIndex()}, and a linker that needs to find definitions must then look at every member.
   */
  public boolean hasSymbolIndex() {
    return hasSymbolIndex;
  }

  /** The symbol index; empty when the file has none or it lists no symbol. */
  public SymbolIndex symbolIndex() {
    return symbolIndex;
  }

  /** The regular member whose header starts at {@code headerOffset}, the number a symbol index gives. */
  public Optional<ArchiveMember> memberAt(int headerOffset) {
    return Optional.ofNullable(membersByHeaderOffset.get(headerOffset));
  }

  /** The member the symbol index names as defining {@code symbol}, if it lists the symbol. */
  public Optional<ArchiveMember> memberDefining(String symbol) {
    var offset = symbolIndex.memberOffsetFor(symbol);
    return offset.isPresent() ? memberAt(offset.getAsInt()) : Optional.empty();
  }

  /** How messages about {@code member} name it: {@code file(member)}. */
  public InputLocation locationOf(ArchiveMember member) {
    return InputLocation.ofFile(fileName).inMember(member.name());
  }

  @Override
  public String toString() {
    return "Archive[" + fileName + ", " + members.size() + " members, " + symbolIndex.size() + " indexed symbols]";
  }
}
