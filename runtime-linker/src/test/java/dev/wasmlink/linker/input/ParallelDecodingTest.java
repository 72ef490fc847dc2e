package dev.wasmlink.linker.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Inputs decoded at once come back in their order, each failure with its own input. */
class ParallelDecodingTest {
  @Test
  void resultsComeInTheOrderOfTheInputs() {
    List<Integer> inputs = IntStream.range(0, 500).boxed().toList();
    List<ParallelDecoding.Outcome<String>> outcomes = ParallelDecoding.all(inputs, i -> "object " + i);
    for (int i = 0; i < inputs.size(); i++) {
      assertEquals("object " + i, outcomes.get(i).get());
    }
  }

  @Test
  void aFailureIsThrownWhenItsInputIsTakenNotWhenItHappened() throws InterruptedException {
    CountDownLatch laterFailed = new CountDownLatch(1);
    InputException first = new InputException("a.o: truncated");
    InputException later = new InputException("b.o: not a wasm object");
    List<ParallelDecoding.Outcome<String>> outcomes = ParallelDecoding.all(List.of(0, 1, 2), i -> {
      switch (i) {
        case 0 -> {
          // Fails only after the later input has failed (or a while, should the two run one after the other).
          awaitQuietly(laterFailed);
          throw first;
        }
        case 1 -> {
          laterFailed.countDown();
          throw later;
        }
        default -> {
          return "c.o";
        }
      }
    });
    assertSame(first, assertThrows(InputException.class, () -> outcomes.get(0).get()));
    assertSame(later, assertThrows(InputException.class, () -> outcomes.get(1).get()));
    assertEquals("c.o", outcomes.get(2).get());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(200, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
