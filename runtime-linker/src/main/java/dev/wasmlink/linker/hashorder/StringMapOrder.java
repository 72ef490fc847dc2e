package dev.wasmlink.linker.hashorder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The order in which LLVM 19's {@code StringMap} (and so {@code StringSet}) yields its keys: bucket order in an
 * open-addressed table of 16 buckets or more, keyed by the low bits of each key's 32-bit {@link Xxh3} hash, probed
 * quadratically (1, 2, 3, ... buckets on) and doubled whenever it becomes more than three quarters full. lld keeps
 * some names in such sets and acts on them in this order: the symbols {@code --export} and
 * {@code --export-if-defined} name (which may pull archive members, and so decide where their functions go), and
 * the features it reports. Matching the order matches wasm-ld's output byte for byte.
 */
public final class StringMapOrder {
  private static final int INITIAL_BUCKETS = 16;

  private StringMapOrder() {}

  /** {@code keys}, inserted in their order (repeats ignored), as the map iterates them. */
  public static List<String> of(Collection<String> keys) {
    String[] names = new String[INITIAL_BUCKETS];
    int[] hashes = new int[INITIAL_BUCKETS];
    int items = 0;
    for (String key : keys) {
      int hash = (int) Xxh3.hash64(key.getBytes(StandardCharsets.UTF_8));
      int mask = names.length - 1;
      int bucket = hash & mask;
      int probe = 1;
      while (names[bucket] != null && !names[bucket].equals(key)) {
        bucket = (bucket + probe++) & mask;
      }
      if (names[bucket] != null) {
        continue;
      }
      names[bucket] = key;
      hashes[bucket] = hash;
      items++;
      if (items * 4 > names.length * 3) {
        String[] grownNames = new String[names.length * 2];
        int[] grownHashes = new int[names.length * 2];
        rehash(names, hashes, grownNames, grownHashes);
        names = grownNames;
        hashes = grownHashes;
      }
    }
    List<String> ordered = new ArrayList<>(items);
    for (String name : names) {
      if (name != null) {
        ordered.add(name);
      }
    }
    return ordered;
  }

  /** Moves every key into the bigger table in bucket order, as LLVM's {@code RehashTable} does. */
  private static void rehash(String[] names, int[] hashes, String[] grownNames, int[] grownHashes) {
    int mask = grownNames.length - 1;
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        int bucket = hashes[i] & mask;
        int probe = 1;
        while (grownNames[bucket] != null) {
          bucket = (bucket + probe++) & mask;
        }
        grownNames[bucket] = names[i];
        grownHashes[bucket] = hashes[i];
      }
    }
  }
}
