package dev.wasmlink.linker.input;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Decodes independent inputs on all cores, for a caller that then takes them in order. Reading, checking and
 * decoding an object depend on nothing but its bytes; what the objects mean to the link (their symbols, the archive
 * members they pull in) is settled afterwards, one by one in command-line order, so the output does not depend on
 * which core decoded what. A failure stays with its input and is thrown when the caller reaches that input: errors
 * come as a link decoding one input at a time would report them, and none after the first.
 */
public final class ParallelDecoding {
  private ParallelDecoding() {}

  /** What decoding one input gave: its result, or the exception it threw, which {@link #get} throws again. */
  public static final class Outcome<T> {
    private final T value;
    private final RuntimeException failure;

    private Outcome(T value, RuntimeException failure) {
      this.value = value;
      this.failure = failure;
    }

    public T get() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }

  /** {@code decode} applied to every source, on the common pool and the calling thread; the outcomes in order. */
  public static <S, T> List<Outcome<T>> all(List<S> sources, Function<? super S, ? extends T> decode) {
    @SuppressWarnings("unchecked")
    Outcome<T>[] outcomes = new Outcome[sources.size()];
    IntStream.range(0, outcomes.length).parallel().forEach(i -> outcomes[i] = outcomeOf(decode, sources.get(i)));
    return Arrays.asList(outcomes);
  }

  private static <S, T> Outcome<T> outcomeOf(Function<? super S, ? extends T> decode, S source) {
    try {
      return new Outcome<>(decode.apply(source), null);
    } catch (RuntimeException e) {
      return new Outcome<>(null, e);
    }
  }
}
