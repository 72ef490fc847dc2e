package dev.wasmlink.linker.strings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wasmlink.spec.io.ByteSlice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringTableTest {

  @Test
  void aStringThatEndsAnotherIsStoredInsideIt() {
    StringTable table = new StringTable(1);
    int bar = table.add(slice("bar\0"));
    int foobar = table.add(slice("foobar\0"));
    table.finish();

    assertArrayEquals(bytes("foobar\0"), table.bytes());
    assertEquals(0, table.offsetOf(foobar));
    assertEquals(3, table.offsetOf(bar));
  }

  @Test
  void equalStringsFromDifferentInputsShareOneId() {
    StringTable table = new StringTable(1);
    int first = table.add(slice("main\0"));
    byte[] other = bytes("xxmain\0yy");
    int second = table.add(other, 2, 5);
    int third = table.add(slice("mai\0"));
    table.finish();

    assertEquals(first, second);
    assertNotEquals(first, third);
    assertEquals(table.offsetOf(first), table.offsetOf(second));
  }

  @Test
  void aTailIsSharedOnlyWhereItsAlignmentAllows() {
    StringTable table = new StringTable(2);
    int abc = table.add(slice("abc\0"));
    int bc = table.add(slice("bc\0"));
    int c = table.add(slice("c\0"));
    table.finish();

    // "bc\0" would start at 1, which is odd: it gets a place of its own, at 4. Like LLVM, the table looks for a tail
    // only in the string placed last, and "c\0" would start at 5 inside "bc\0": it too is placed, at 8.
    assertEquals(0, table.offsetOf(abc));
    assertEquals(4, table.offsetOf(bc));
    assertEquals(8, table.offsetOf(c));
    assertArrayEquals(bytes("abc\0bc\0\0c\0"), table.bytes());
  }

  @Test
  void layoutMatchesLlvmsOrderOnRandomStrings() {
    Random random = new Random(20261205);
    for (int round = 0; round < 200; round++) {
      long alignment = new long[] {1, 1, 2, 4}[round % 4];
      List<byte[]> strings = new ArrayList<>();
      int n = 1 + random.nextInt(round < 150 ? 40 : 3000);
      for (int i = 0; i < n; i++) {
        byte[] string = new byte[random.nextInt(12)];
        for (int k = 0; k < string.length; k++) {
          // A small alphabet, so that many strings share tails or are tails of one another.
          string[k] = (byte) "ab\u00e9c".charAt(random.nextInt(4));
        }
        strings.add(random.nextInt(10) == 0 ? string : Arrays.copyOf(string, string.length + 1));
      }
      assertLaidOutAsReference(strings, alignment);
    }
  }

  @Test
  void manyStringsWithALongCommonTailNeitherOverflowNorSlowDown() {
    List<byte[]> strings = new ArrayList<>();
    byte[] tail = new byte[20_000];
    Arrays.fill(tail, (byte) 'z');
    for (int i = 0; i < 2_000; i++) {
      byte[] string = Arrays.copyOf(("p" + i).getBytes(StandardCharsets.US_ASCII), 20_000 + 8);
      System.arraycopy(tail, 0, string, string.length - tail.length - 1, tail.length);
      strings.add(string);
    }
    // And a chain of strings each the tail of the next: z, zz, zzz, ...
    for (int i = 1; i < 3_000; i++) {
      strings.add(Arrays.copyOf(tail, i));
    }
    assertLaidOutAsReference(strings, 1);
  }

  @Test
  void stringStartsTileTheBytes() {
    assertArrayEquals(new int[] {0, 2, 5}, StringTable.stringStarts(slice("a\0bc\0d")));
    assertArrayEquals(new int[] {0, 1}, StringTable.stringStarts(slice("\0\0")));
    assertArrayEquals(new int[0], StringTable.stringStarts(slice("")));
    assertArrayEquals(new int[] {0}, StringTable.stringStarts(ByteSlice.of(bytes("xx\0yy"), 3, 2)));
    int[] starts = StringTable.stringStarts(slice("a\0bc\0d"));
    assertEquals(2, StringTable.lengthOfString(starts, 0, 6));
    assertEquals(3, StringTable.lengthOfString(starts, 1, 6));
    assertEquals(1, StringTable.lengthOfString(starts, 2, 6));
  }

  @Test
  void indexOfStringAtFindsTheStringHoldingAByte() {
    int[] starts = {0, 2, 5};
    assertEquals(0, StringTable.indexOfStringAt(starts, 1));
    assertEquals(1, StringTable.indexOfStringAt(starts, 2));
    assertEquals(1, StringTable.indexOfStringAt(starts, 4));
    assertEquals(2, StringTable.indexOfStringAt(starts, 9));
    assertEquals(2, StringTable.indexOfStringAt(starts, 6));
    assertEquals(0, StringTable.indexOfStringAt(new int[0], 3));
  }

  @Test
  void indexOfStringAtAgreesWithALinearScan() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      int[] starts = new int[random.nextInt(40) + 1];
      for (int i = 1; i < starts.length; i++) {
        starts[i] = starts[i - 1] + 1 + random.nextInt(5);
      }
      for (int offset = 0; offset <= starts[starts.length - 1] + 3; offset++) {
        int expected = 0;
        for (int i = 0; i < starts.length; i++) {
          if (starts[i] <= offset) {
            expected = i;
          }
        }
        assertEquals(expected, StringTable.indexOfStringAt(starts, offset), Arrays.toString(starts) + " " + offset);
      }
    }
  }

  /**
   * Lays the strings out with the plainest code that says what wasm-ld does (distinct strings sorted by a whole-tail
   * comparison, each stored inside the one before it where it is that string's tail and the alignment allows) and
   * checks the table gives the same bytes and offsets.
   */
  private static void assertLaidOutAsReference(List<byte[]> strings, long alignment) {
    StringTable table = new StringTable(alignment);
    int[] ids = new int[strings.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = table.add(ByteSlice.of(strings.get(i)));
    }
    table.finish();

    Map<String, byte[]> distinct = new LinkedHashMap<>();
    strings.forEach(s -> distinct.putIfAbsent(Arrays.toString(s), s));
    List<byte[]> sorted = new ArrayList<>(distinct.values());
    sorted.sort(TAIL_FIRST);
    Map<String, Long> offsets = new LinkedHashMap<>();
    byte[] previous = null;
    long size = 0;
    for (byte[] string : sorted) {
      if (previous != null && endsWith(previous, string) && (size - string.length) % alignment == 0) {
        offsets.put(Arrays.toString(string), size - string.length);
        continue;
      }
      size = (size + alignment - 1) / alignment * alignment;
      offsets.put(Arrays.toString(string), size);
      size += string.length;
      previous = string;
    }
    byte[] expected = new byte[(int) size];
    for (byte[] string : sorted) {
      System.arraycopy(string, 0, expected, offsets.get(Arrays.toString(string)).intValue(), string.length);
    }

    assertArrayEquals(expected, table.bytes());
    for (int i = 0; i < ids.length; i++) {
      assertEquals(offsets.get(Arrays.toString(strings.get(i))), table.offsetOf(ids[i]), "string " + i);
    }
  }

  /** Characters compared from the ends, larger first; a string that runs out comes after the longer one. */
  private static final Comparator<byte[]> TAIL_FIRST = (a, b) -> {
    for (int i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
      if (a[i] != b[j]) {
        return Integer.compare(b[j] & 0xFF, a[i] & 0xFF);
      }
    }
    return Integer.compare(b.length, a.length);
  };

  private static boolean endsWith(byte[] whole, byte[] tail) {
    return tail.length <= whole.length
        && Arrays.equals(whole, whole.length - tail.length, whole.length, tail, 0, tail.length);
  }

  private static ByteSlice slice(String text) {
    return ByteSlice.of(bytes(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
