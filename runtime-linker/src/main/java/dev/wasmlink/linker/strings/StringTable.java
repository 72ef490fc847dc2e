package dev.wasmlink.linker.strings;

import dev.wasmlink.spec.io.ByteSlice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NUL-terminated strings stored once each, in the order LLVM's string table builder gives them (by characters read
 * from the end, so a string that is the tail of another follows it) and a tail stored inside the string that ends
 * with it. wasm-ld builds merged string segments and {@code .debug_str} this way; doing the same gives the same
 * offsets.
 */
public final class StringTable {
  private final long alignment;
  /** Each distinct string's id: its index in {@link #strings}. */
  private final Map<ByteSlice, Integer> ids = new HashMap<>();
  private final List<ByteSlice> strings = new ArrayList<>();
  /** Where each string starts, by id, once finished. */
  private long[] offsets;
  private byte[] bytes;

  public StringTable(long alignment) {
    this.alignment = alignment;
  }

  /**
   * Adds a string, unless an equal one is there already; returns its id, which {@link #offsetOf} takes (asking by id
   * saves hashing the string again).
   */
  public int add(ByteSlice string) {
    Integer known = ids.putIfAbsent(string, strings.size());
    if (known != null) {
      return known;
    }
    strings.add(string);
    return strings.size() - 1;
  }

  /** Orders the strings, shares tails and lays them out; no string can be added afterwards. */
  public void finish() {
    Keyed[] sorted = sortedTailFirst(strings);
    offsets = new long[strings.size()];
    ByteSlice previous = null;
    long size = 0;
    for (Keyed entry : sorted) {
      ByteSlice string = entry.string();
      if (previous != null && endsWith(previous, string) && (size - string.length()) % alignment == 0) {
        offsets[entry.id()] = size - string.length();
        continue;
      }
      size = (size + alignment - 1) / alignment * alignment;
      offsets[entry.id()] = size;
      size += string.length();
      previous = string;
    }
    bytes = new byte[(int) size];
    for (int id = 0; id < strings.size(); id++) {
      strings.get(id).copyTo(bytes, (int) offsets[id]);
    }
  }

  /** Where the string with id {@code id} (from {@link #add}) starts, once finished. */
  public long offsetOf(int id) {
    return offsets[id];
  }

  public byte[] bytes() {
    return bytes;
  }

  /**
   * The strings in {@link #TAIL_FIRST} order. Each is sorted with its last eight bytes packed into a long, compared
   * first: most pairs differ there, and a long comparison is much cheaper than walking two arrays from their ends.
   */
  private static Keyed[] sortedTailFirst(List<ByteSlice> strings) {
    Keyed[] keyed = new Keyed[strings.size()];
    for (int id = 0; id < keyed.length; id++) {
      keyed[id] = new Keyed(tailKey(strings.get(id)), strings.get(id), id);
    }
    Arrays.sort(keyed, KEYED_TAIL_FIRST);
    return keyed;
  }

  private record Keyed(long tail, ByteSlice string, int id) {}

  /**
   * The last eight bytes, the last one highest, a missing byte (a shorter string) as 0. When two keys differ, the
   * first byte from the end where they do is a byte of both, or a byte of one against the other's end, which then
   * is the lower (a nonzero byte against 0): {@link #TAIL_FIRST} orders the pair the same way. Equal keys say nothing
   * (a NUL and a missing byte are both 0), and the full comparison decides.
   */
  private static long tailKey(ByteSlice string) {
    long key = 0;
    int length = string.length();
    for (int k = 0; k < 8; k++) {
      long b = k < length ? string.get(length - 1 - k) & 0xFF : 0;
      key |= b << (56 - 8 * k);
    }
    return key;
  }

  /** Larger keys first, as {@link #TAIL_FIRST} puts larger last characters first. */
  private static final Comparator<Keyed> KEYED_TAIL_FIRST = (a, b) -> {
    int byKey = Long.compareUnsigned(b.tail(), a.tail());
    return byKey != 0 ? byKey : StringTable.TAIL_FIRST.compare(a.string(), b.string());
  };

  /**
   * LLVM's multikey order for tail merging: characters compared from the strings' ends, larger first, a string that
   * runs out counting as smaller (so it comes after the longer string it may be the tail of).
   */
  private static final Comparator<ByteSlice> TAIL_FIRST = (a, b) -> {
    byte[] left = a.array();
    byte[] right = b.array();
    int i = a.start() + a.length() - 1;
    int j = b.start() + b.length() - 1;
    for (; i >= a.start() && j >= b.start(); i--, j--) {
      int x = left[i] & 0xFF;
      int y = right[j] & 0xFF;
      if (x != y) {
        return Integer.compare(y, x);
      }
    }
    // One ran out: the shorter string (a tail of the other) comes after.
    return Integer.compare(b.length(), a.length());
  };

  private static boolean endsWith(ByteSlice whole, ByteSlice tail) {
    if (tail.length() > whole.length()) {
      return false;
    }
    int shift = whole.length() - tail.length();
    for (int i = 0; i < tail.length(); i++) {
      if (whole.get(shift + i) != tail.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The index of the string holding byte {@code offset}, given the strings' start offsets in order (as
   * {@link #split} tiles its bytes, every byte from the first start on belongs to the last string starting at or
   * before it).
   */
  public static int indexOfStringAt(long[] starts, long offset) {
    int found = Arrays.binarySearch(starts, offset);
    return found >= 0 ? found : Math.max(0, -found - 2);
  }

  /** Splits bytes into NUL-terminated strings (each with its NUL; a last one without is kept as it is). */
  public static List<int[]> split(ByteSlice bytes) {
    List<int[]> pieces = new ArrayList<>();
    int start = 0;
    while (start < bytes.length()) {
      int end = start;
      while (end < bytes.length() && bytes.get(end) != 0) {
        end++;
      }
      int length = Math.min(end + 1, bytes.length()) - start;
      pieces.add(new int[] {start, length});
      start += length;
    }
    return pieces;
  }
}
