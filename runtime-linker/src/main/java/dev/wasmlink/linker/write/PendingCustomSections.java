package dev.wasmlink.linker.write;

import dev.wasmlink.linker.symbols.InputObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The inputs' custom sections being laid out, and {@code .debug_str} merged, on another thread. With debug
 * information the merge is a fifth of a link, and it needs nothing but the final list of objects: started as soon as
 * that list is final, it runs while the linker marks what is live and lays out the rest, and the writer waits for it
 * only when it first needs a custom section's place.
 */
public final class PendingCustomSections {
  private final CompletableFuture<CustomSections> work;

  private PendingCustomSections(CompletableFuture<CustomSections> work) {
    this.work = work;
  }

  /** Starts laying out the custom sections of {@code objects}, the link's objects once no more can be added. */
  public static PendingCustomSections start(List<InputObject> objects, CustomSectionSettings settings) {
    List<InputObject> fixed = List.copyOf(objects);
    return new PendingCustomSections(CompletableFuture.supplyAsync(() -> new CustomSections(fixed, settings)));
  }

  /** The laid-out sections, once ready; a failure of the work is thrown here, as if it had run on this thread. */
  CustomSections get() {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
