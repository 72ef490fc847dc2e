package dev.wasmlink.linker.strings;

import dev.wasmlink.spec.io.ByteSlice;
import java.util.Arrays;

/**
 * NUL-terminated strings stored once each, in the order LLVM's string table builder gives them (by characters read
 * from the end, so a string that is the tail of another follows it) and a tail stored inside the string that ends
 * with it. wasm-ld builds merged string segments and {@code .debug_str} this way; doing the same gives the same
 * offsets.
 *
 * <p>A large link merges a few hundred thousand DWARF strings, so the table keeps them in parallel arrays rather than
 * one object each: an open-addressing hash table of ids finds duplicates, and a multikey quicksort orders them by
 * looking at each character once per level rather than comparing whole tails pair by pair.
 */
public final class StringTable {
  /** Below this many strings a range is finished by insertion sort: partitioning costs more than it saves. */
  private static final int INSERTION_SORT_BELOW = 12;

  private final long alignment;
  /** By id: where each distinct string's bytes are, and their content hash. */
  private byte[][] arrays = new byte[64][];
  private int[] starts = new int[64];
  private int[] lengths = new int[64];
  private int[] hashes = new int[64];
  private int count;
  /** Open addressing with linear probing: id + 1 in each used slot, 0 in a free one; at most half full. */
  private int[] slots = new int[128];
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
    return add(string.array(), string.start(), string.length());
  }

  /** {@link #add(ByteSlice)} for the {@code length} bytes of {@code array} from {@code start}. */
  public int add(byte[] array, int start, int length) {
    if (offsets != null) {
      throw new IllegalStateException("the string table is finished");
    }
    int hash = hash(array, start, length);
    int mask = slots.length - 1;
    int slot = hash & mask;
    for (int used = slots[slot]; used != 0; used = slots[slot]) {
      int id = used - 1;
      if (hashes[id] == hash && lengths[id] == length
          && Arrays.equals(arrays[id], starts[id], starts[id] + length, array, start, start + length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    if (count == arrays.length) {
      grow();
    }
    int id = count++;
    arrays[id] = array;
    starts[id] = start;
    lengths[id] = length;
    hashes[id] = hash;
    slots[slot] = id + 1;
    if (2 * count > slots.length) {
      rehash();
    }
    return id;
  }

  private static int hash(byte[] array, int start, int length) {
    int h = length;
    for (int i = start; i < start + length; i++) {
      h = 31 * h + array[i];
    }
    // Spread the high bits down: slots are chosen by the low ones.
    return h ^ (h >>> 15) ^ (h >>> 24);
  }

  private void grow() {
    int capacity = 2 * arrays.length;
    arrays = Arrays.copyOf(arrays, capacity);
    starts = Arrays.copyOf(starts, capacity);
    lengths = Arrays.copyOf(lengths, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
  }

  private void rehash() {
    slots = new int[2 * slots.length];
    int mask = slots.length - 1;
    for (int id = 0; id < count; id++) {
      int slot = hashes[id] & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  /** Orders the strings, shares tails and lays them out; no string can be added afterwards. */
  public void finish() {
    slots = null;
    hashes = null;
    int[] order = new int[count];
    for (int id = 0; id < count; id++) {
      order[id] = id;
    }
    sortTailFirst(order);
    offsets = new long[count];
    int[] placed = new int[count];
    int placedCount = 0;
    int previous = -1;
    long size = 0;
    for (int id : order) {
      int length = lengths[id];
      if (previous >= 0 && endsWith(previous, id) && (size - length) % alignment == 0) {
        offsets[id] = size - length;
        continue;
      }
      size = (size + alignment - 1) / alignment * alignment;
      offsets[id] = size;
      size += length;
      previous = id;
      placed[placedCount++] = id;
    }
    bytes = new byte[Math.toIntExact(size)];
    for (int i = 0; i < placedCount; i++) {
      int id = placed[i];
      System.arraycopy(arrays[id], starts[id], bytes, (int) offsets[id], lengths[id]);
    }
    arrays = null;
  }

  /** Where the string with id {@code id} (from {@link #add}) starts, once finished. */
  public long offsetOf(int id) {
    return offsets[id];
  }

  public byte[] bytes() {
    return bytes;
  }

  /**
   * Sorts ids in LLVM's order for tail merging: characters compared from the strings' ends, larger first, a string
   * that runs out counting as smaller (so it comes after the longer string it may be the tail of). The strings are
   * distinct, so the order is total and the result does not depend on how the sort gets there.
   *
   * <p>A three-way radix quicksort on the character {@code depth} places from the end: ranges still to sort wait on an
   * explicit stack rather than in recursion, so no input, however alike its strings, can overflow the call stack.
   */
  private void sortTailFirst(int[] order) {
    int[] pending = new int[3 * 32];
    int top = 0;
    pending[top++] = 0;
    pending[top++] = order.length;
    pending[top++] = 0;
    while (top > 0) {
      int depth = pending[--top];
      int to = pending[--top];
      int from = pending[--top];
      while (to - from > 1) {
        if (to - from < INSERTION_SORT_BELOW) {
          insertionSort(order, from, to, depth);
          break;
        }
        int pivot = charFromEnd(order[(from + to) >>> 1], depth);
        // [from, greater) above the pivot, [greater, less) equal to it, [less, to) below it.
        int greater = from;
        int less = to;
        int k = from;
        while (k < less) {
          int c = charFromEnd(order[k], depth);
          if (c > pivot) {
            swap(order, greater++, k++);
          } else if (c < pivot) {
            swap(order, k, --less);
          } else {
            k++;
          }
        }
        if (top + 6 > pending.length) {
          pending = Arrays.copyOf(pending, 2 * pending.length);
        }
        if (greater - from > 1) {
          pending[top++] = from;
          pending[top++] = greater;
          pending[top++] = depth;
        }
        if (to - less > 1) {
          pending[top++] = less;
          pending[top++] = to;
          pending[top++] = depth;
        }
        if (pivot < 0) {
          // Strings that all ran out here are equal, and the strings are distinct: there is only one.
          break;
        }
        from = greater;
        to = less;
        depth++;
      }
    }
  }

  /** Sorts a small range whose strings agree on their last {@code depth} characters. */
  private void insertionSort(int[] order, int from, int to, int depth) {
    for (int i = from + 1; i < to; i++) {
      int id = order[i];
      int j = i;
      while (j > from && comesBefore(id, order[j - 1], depth)) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = id;
    }
  }

  /** Whether string {@code a} sorts before {@code b}, comparing from {@code depth} characters before their ends. */
  private boolean comesBefore(int a, int b, int depth) {
    byte[] left = arrays[a];
    byte[] right = arrays[b];
    int i = starts[a] + lengths[a] - 1 - depth;
    int j = starts[b] + lengths[b] - 1 - depth;
    for (; i >= starts[a] && j >= starts[b]; i--, j--) {
      int x = left[i] & 0xFF;
      int y = right[j] & 0xFF;
      if (x != y) {
        return x > y;
      }
    }
    // One ran out: the shorter string (a tail of the other) comes after.
    return lengths[a] > lengths[b];
  }

  /** The character {@code depth} places before the end of string {@code id}, or -1 past its start. */
  private int charFromEnd(int id, int depth) {
    return depth < lengths[id] ? arrays[id][starts[id] + lengths[id] - 1 - depth] & 0xFF : -1;
  }

  private static void swap(int[] order, int i, int j) {
    int kept = order[i];
    order[i] = order[j];
    order[j] = kept;
  }

  private boolean endsWith(int whole, int tail) {
    int length = lengths[tail];
    if (length > lengths[whole]) {
      return false;
    }
    int from = starts[whole] + lengths[whole] - length;
    return Arrays.equals(arrays[whole], from, from + length, arrays[tail], starts[tail], starts[tail] + length);
  }

  /**
   * The index of the string holding byte {@code offset}, given the strings' start offsets in order (as
   * {@link #stringStarts} tiles its bytes, every byte from the first start on belongs to the last string starting at
   * or before it). DWARF asks it for every string it names, at places no branch predictor guesses, so the search
   * halves its range without a branch on the comparison (the JIT turns the choice into a conditional move).
   */
  public static int indexOfStringAt(int[] starts, long offset) {
    int base = 0;
    for (int size = starts.length; size > 1; size -= size >>> 1) {
      int middle = base + (size >>> 1);
      base = starts[middle] <= offset ? middle : base;
    }
    return base;
  }

  /** How long string {@code string} of {@code starts} is: to the next start, or to {@code total}, the last's end. */
  public static int lengthOfString(int[] starts, int string, int total) {
    return (string + 1 < starts.length ? starts[string + 1] : total) - starts[string];
  }

  /**
   * Where each NUL-terminated string of {@code bytes} starts (each runs to the next start, or to the end: it holds
   * its NUL, and a last one without is kept as it is).
   */
  public static int[] stringStarts(ByteSlice bytes) {
    byte[] array = bytes.array();
    int base = bytes.start();
    int end = base + bytes.length();
    int[] found = new int[Math.max(8, bytes.length() / 16)];
    int count = 0;
    int start = base;
    while (start < end) {
      if (count == found.length) {
        found = Arrays.copyOf(found, 2 * found.length);
      }
      found[count++] = start - base;
      int nul = start;
      while (nul < end && array[nul] != 0) {
        nul++;
      }
      start = nul + 1;
    }
    return Arrays.copyOf(found, count);
  }
}
