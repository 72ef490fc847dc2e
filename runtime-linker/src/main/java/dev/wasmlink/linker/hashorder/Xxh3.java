package dev.wasmlink.linker.hashorder;

/**
 * XXH3's 64-bit hash with seed 0 and the default secret: the hash LLVM 19's {@code StringMap} gives its keys
 * ({@code xxh3_64bits}), which decides the order in which lld meets the names it keeps in such maps. Written from
 * the XXH3 specification (xxHash's doc/xxhash_spec.md); checked against libxxhash by {@code Xxh3Test}.
 */
public final class Xxh3 {
  private static final long PRIME32_1 = 0x9E3779B1L;
  private static final long PRIME32_2 = 0x85EBCA77L;
  private static final long PRIME32_3 = 0xC2B2AE3DL;
  private static final long PRIME64_1 = 0x9E3779B185EBCA87L;
  private static final long PRIME64_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME64_3 = 0x165667B19E3779F9L;
  private static final long PRIME64_4 = 0x85EBCA77C2B2AE63L;
  private static final long PRIME64_5 = 0x27D4EB2F165667C5L;
  private static final long PRIME_MX1 = 0x165667919E3779F9L;
  private static final long PRIME_MX2 = 0x9FB21C651E98DF25L;

  private static final int STRIPE_LENGTH = 64;
  private static final int SECRET_CONSUME_RATE = 8;
  /** Where the mid-size rounds after the eighth read the secret from, and where the last one reads it. */
  private static final int MIDSIZE_START_OFFSET = 3;
  private static final int MIDSIZE_LAST_OFFSET = 17;
  private static final int SECRET_SIZE_MIN = 136;
  private static final int SECRET_LAST_ACCUMULATE_START = 7;
  private static final int SECRET_MERGE_ACCUMULATORS_START = 11;

  /** The default secret: 192 pseudo-random bytes fixed by the specification. */
  private static final byte[] SECRET = bytes(
      "b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671f"
          + "cb79e64eccc0e578825ad07dccff7221b8084674f743248ee03590e6813a264c"
          + "3c2852bb91c300cb88d0658b1b532ea371644897a20df94e3819ef46a9deacd8"
          + "a8fa763fe39c343ff9dcbbc7c70b4f1d8a51e04bcdb45931c89f7ec9d9787364"
          + "eac5ac8334d3ebc3c581a0fffa1363eb170ddd51b7f0da49d316552629d4689e"
          + "2b16be587d47a1fc8ff8b8d17ad031ce45cb3a8f95160428afd7fbcabb4b407e");

  private Xxh3() {}

  public static long hash64(byte[] input) {
    int length = input.length;
    if (length <= 16) {
      return hashUpTo16(input, length);
    } else if (length <= 128) {
      return hash17To128(input, length);
    } else if (length <= 240) {
      return hash129To240(input, length);
    }
    return hashLong(input, length);
  }

  private static long hashUpTo16(byte[] input, int length) {
    if (length > 8) {
      long bitflip1 = readLong(SECRET, 24) ^ readLong(SECRET, 32);
      long bitflip2 = readLong(SECRET, 40) ^ readLong(SECRET, 48);
      long low = readLong(input, 0) ^ bitflip1;
      long high = readLong(input, length - 8) ^ bitflip2;
      long accumulator = length + Long.reverseBytes(low) + high + multiplyFold(low, high);
      return avalanche(accumulator);
    } else if (length >= 4) {
      long first = readInt(input, 0);
      long last = readInt(input, length - 4);
      long bitflip = readLong(SECRET, 8) ^ readLong(SECRET, 16);
      long keyed = (last + (first << 32)) ^ bitflip;
      return rrmxmx(keyed, length);
    } else if (length > 0) {
      int c1 = input[0] & 0xFF;
      int c2 = input[length >> 1] & 0xFF;
      int c3 = input[length - 1] & 0xFF;
      long combined = ((long) c1 << 16 | (long) c2 << 24 | c3 | (long) length << 8) & 0xFFFFFFFFL;
      long bitflip = (readInt(SECRET, 0) ^ readInt(SECRET, 4));
      return xxh64Avalanche(combined ^ bitflip);
    }
    return xxh64Avalanche(readLong(SECRET, 56) ^ readLong(SECRET, 64));
  }

  private static long hash17To128(byte[] input, int length) {
    long accumulator = length * PRIME64_1;
    if (length > 32) {
      if (length > 64) {
        if (length > 96) {
          accumulator += mix16(input, 48, 96);
          accumulator += mix16(input, length - 64, 112);
        }
        accumulator += mix16(input, 32, 64);
        accumulator += mix16(input, length - 48, 80);
      }
      accumulator += mix16(input, 16, 32);
      accumulator += mix16(input, length - 32, 48);
    }
    accumulator += mix16(input, 0, 0);
    accumulator += mix16(input, length - 16, 16);
    return avalanche(accumulator);
  }

  private static long hash129To240(byte[] input, int length) {
    long accumulator = length * PRIME64_1;
    int rounds = length / 16;
    for (int i = 0; i < 8; i++) {
      accumulator += mix16(input, 16 * i, 16 * i);
    }
    accumulator = avalanche(accumulator);
    for (int i = 8; i < rounds; i++) {
      accumulator += mix16(input, 16 * i, 16 * (i - 8) + MIDSIZE_START_OFFSET);
    }
    accumulator += mix16(input, length - 16, SECRET_SIZE_MIN - MIDSIZE_LAST_OFFSET);
    return avalanche(accumulator);
  }

  private static long hashLong(byte[] input, int length) {
    long[] accumulators = {PRIME32_3, PRIME64_1, PRIME64_2, PRIME64_3, PRIME64_4, PRIME32_2, PRIME64_5, PRIME32_1};
    int stripesPerBlock = (SECRET.length - STRIPE_LENGTH) / SECRET_CONSUME_RATE;
    int blockLength = STRIPE_LENGTH * stripesPerBlock;
    int blocks = (length - 1) / blockLength;
    for (int block = 0; block < blocks; block++) {
      accumulate(accumulators, input, block * blockLength, stripesPerBlock);
      scramble(accumulators, SECRET.length - STRIPE_LENGTH);
    }
    int stripes = ((length - 1) - blockLength * blocks) / STRIPE_LENGTH;
    accumulate(accumulators, input, blocks * blockLength, stripes);
    accumulateStripe(accumulators, input, length - STRIPE_LENGTH,
        SECRET.length - STRIPE_LENGTH - SECRET_LAST_ACCUMULATE_START);
    long result = length * PRIME64_1;
    for (int i = 0; i < 4; i++) {
      result += multiplyFold(accumulators[2 * i] ^ readLong(SECRET, SECRET_MERGE_ACCUMULATORS_START + 16 * i),
          accumulators[2 * i + 1] ^ readLong(SECRET, SECRET_MERGE_ACCUMULATORS_START + 16 * i + 8));
    }
    return avalanche(result);
  }

  private static void accumulate(long[] accumulators, byte[] input, int offset, int stripes) {
    for (int stripe = 0; stripe < stripes; stripe++) {
      accumulateStripe(accumulators, input, offset + stripe * STRIPE_LENGTH, stripe * SECRET_CONSUME_RATE);
    }
  }

  private static void accumulateStripe(long[] accumulators, byte[] input, int offset, int secretOffset) {
    for (int lane = 0; lane < 8; lane++) {
      long value = readLong(input, offset + 8 * lane);
      long key = value ^ readLong(SECRET, secretOffset + 8 * lane);
      accumulators[lane ^ 1] += value;
      accumulators[lane] += (key & 0xFFFFFFFFL) * (key >>> 32);
    }
  }

  private static void scramble(long[] accumulators, int secretOffset) {
    for (int lane = 0; lane < 8; lane++) {
      long accumulator = accumulators[lane];
      accumulator ^= accumulator >>> 47;
      accumulator ^= readLong(SECRET, secretOffset + 8 * lane);
      accumulators[lane] = accumulator * PRIME32_1;
    }
  }

  private static long mix16(byte[] input, int offset, int secretOffset) {
    return multiplyFold(readLong(input, offset) ^ readLong(SECRET, secretOffset),
        readLong(input, offset + 8) ^ readLong(SECRET, secretOffset + 8));
  }

  /** The 128-bit product of two unsigned 64-bit values, its halves xor-ed. */
  private static long multiplyFold(long a, long b) {
    long low = a * b;
    long high = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    return low ^ high;
  }

  private static long avalanche(long h) {
    h ^= h >>> 37;
    h *= PRIME_MX1;
    return h ^ (h >>> 32);
  }

  private static long xxh64Avalanche(long h) {
    h ^= h >>> 33;
    h *= PRIME64_2;
    h ^= h >>> 29;
    h *= PRIME64_3;
    return h ^ (h >>> 32);
  }

  private static long rrmxmx(long h, int length) {
    h ^= Long.rotateLeft(h, 49) ^ Long.rotateLeft(h, 24);
    h *= PRIME_MX2;
    h ^= (h >>> 35) + length;
    h *= PRIME_MX2;
    return h ^ (h >>> 28);
  }

  private static long readLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = value << 8 | (bytes[offset + i] & 0xFF);
    }
    return value;
  }

  private static long readInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
        | (bytes[offset + 3] & 0xFFL) << 24;
  }

  private static byte[] bytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
