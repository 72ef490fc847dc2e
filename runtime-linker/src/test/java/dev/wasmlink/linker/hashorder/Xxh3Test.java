package dev.wasmlink.linker.hashorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Xxh3} against libxxhash 0.8.1's {@code XXH3_64bits}: values recorded from the library for inputs of every
 * length class the algorithm treats apart (0, 1-3, 4-8, 9-16, 17-128, 129-240, and the long path with its 1024-byte
 * blocks), and for names as lld hashes them.
 */
class Xxh3Test {
  /** Byte {@code i} of a test input of any length: a fixed pattern, so the recorded values can be rebuilt. */
  private static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  @ParameterizedTest(name = "{0} bytes")
  @CsvSource({
      "0, 2d06800538d394c2", "1, 4c5cca45d0f4811f", "2, a7e250c97710ff27", "3, 15f7093b173d005c",
      "4, dca012f95811b6b9", "7, 7561869c23da3c1b", "8, dec6a9a43575982e", "9, cbe393399f17ffbd",
      "15, 545e19990471dc37", "16, 7e484c18d74895d0", "17, 208bde5ee2bed407", "32, 03df0ac5255d1446",
      "33, 199a362122d71f46", "64, dd30702ab46b3745", "65, fab36b851b94ce20", "96, d245cd2541582982",
      "97, 60e3e1d0d43785b3", "128, f92b70eaa21a6288", "129, f8f76713f2bb60fa", "200, 12fdb864685f344d",
      "240, ccc7375172c41f03", "241, 0b3b630948ce4a00", "1024, 23bc880ebf0d29c6", "1025, c09fdfbc398c7d82",
      "2048, 19f6f9c987331373", "4000, 9d5e1be70ba5d851"})
  void hashesAsLibxxhash(int length, String expected) {
    assertEquals(Long.parseUnsignedLong(expected, 16), Xxh3.hash64(pattern(length)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "atomics, 942e84db621b46d7", "bulk-memory, 23ee9e3bd1de22a9", "__cpp_exception, 362bb52e30066ae0",
      "_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKc, db8df509e5e49b9f"})
  void hashesNamesAsLibxxhash(String name, String expected) {
    assertEquals(Long.parseUnsignedLong(expected, 16), Xxh3.hash64(name.getBytes(StandardCharsets.UTF_8)));
  }
}
