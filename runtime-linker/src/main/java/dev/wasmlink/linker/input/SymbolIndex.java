package dev.wasmlink.linker.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An archive's symbol index: for each symbol some member defines, the header offset of that member.
 *
 * <p>It is what lets a linker leave an archive's members undecoded until an undefined symbol asks for one. When
 * several members define the same symbol only the first listing counts, as lld does, so that which member gets
 * pulled in does not depend on anything but the order the archiver wrote.
 */
public final class SymbolIndex {
  private static final SymbolIndex EMPTY = new SymbolIndex(Map.of());

  /** Symbol name to member header offset, in the order the index lists the symbols. */
  private final Map<String, Integer> memberOffsets;

  private SymbolIndex(Map<String, Integer> memberOffsets) {
    this.memberOffsets = memberOffsets;
  }

  /** The index of an archive that has none. */
  public static SymbolIndex empty() {
    return EMPTY;
  }

  /** The header offset of the member that defines {@code symbol}, or empty when the index does not list it. */
  public OptionalInt memberOffsetFor(String symbol) {
    Integer offset = memberOffsets.get(symbol);
    return offset == null ? OptionalInt.empty() : OptionalInt.of(offset);
  }

  public boolean contains(String symbol) {
    return memberOffsets.containsKey(symbol);
  }

  /** Each listed symbol once, in the order the index first lists it. */
  public List<String> symbols() {
    return List.copyOf(memberOffsets.keySet());
  }

  /** The number of distinct symbols. */
  public int size() {
    return memberOffsets.size();
  }

  public boolean isEmpty() {
    return memberOffsets.isEmpty();
  }

  @Override
  public String toString() {
    return "SymbolIndex" + memberOffsets;
  }

  /** Collects an index in file order, keeping the first definition of each symbol. */
  static final class Builder {
    private final Map<String, Integer> memberOffsets = new LinkedHashMap<>();

    /** Lists {@code symbol} as defined by the member at {@code headerOffset}, unless an earlier entry already did. */
    Builder add(String symbol, int headerOffset) {
      memberOffsets.putIfAbsent(Objects.requireNonNull(symbol, "symbol"), headerOffset);
      return this;
    }

    SymbolIndex build() {
      return memberOffsets.isEmpty()
          ? EMPTY
          : new SymbolIndex(Collections.unmodifiableMap(new LinkedHashMap<>(memberOffsets)));
    }
  }
}
