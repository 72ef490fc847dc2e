package dev.wasmlink.linker.write;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Writes independent pieces of the output on all cores: each piece fills its own range of a buffer sized beforehand,
 * so any thread count gives the same bytes. When pieces fail, the first in output order is thrown, as a writer going
 * from one piece to the next would throw it.
 */
final class InParallel {
  private InParallel() {}

  /** Runs {@code piece} for 0 to {@code count - 1}, on the common pool and the calling thread. */
  static void forEach(int count, IntConsumer piece) {
    RuntimeException[] failures = new RuntimeException[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      try {
        piece.accept(i);
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    });
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
