package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a threads runtime does for a module linked with {@code --shared-memory --import-memory}, on Chicory: one
 * shared linear memory (imported as {@code env.memory}) for all instances, and one {@link Instance} per host thread.
 * Instantiation runs the start function {@code __wasm_init_memory} in every instance (only the first initialises the
 * memory). {@link #startThread} then gives the instance a stack and a TLS block of its own, allocated from the memory
 * above {@code __heap_base}, and calls {@code __wasm_init_tls(block)}, as wasi-threads' and Emscripten's thread
 * start-up code do.
 *
 * <p>The memory is Chicory's {@link ByteArrayMemory}: it implements the atomic instructions and
 * {@code memory.atomic.wait32/notify} for shared memories.
 */
final class SharedMemoryThreads {
  /** Bytes of stack per thread. The program does not use the stack; each instance gets its own all the same. */
  static final int STACK_SIZE = 4096;
  /** How long a thread may take for one phase of a test. */
  static final long TIMEOUT_SECONDS = 60;

  private final WasmModule module;
  private final Memory memory;
  private int heapTop = -1;

  SharedMemoryThreads(Path wasm) {
    this.module = Parser.parse(wasm);
    MemoryImport memoryImport = memoryImport(module);
    MemoryLimits limits = memoryImport.limits();
    assertTrue(limits.shared(), "env.memory is not imported as shared: " + limits);
    this.memory = new ByteArrayMemory(new MemoryLimits(limits.initialPages(), limits.maximumPages(), true));
  }

  /** The module's one import, which must be the memory {@code env.memory}. */
  static MemoryImport memoryImport(WasmModule module) {
    assertEquals(1, module.importSection().importCount(), "the module should import only env.memory");
    var only = module.importSection().getImport(0);
    assertEquals(ExternalType.MEMORY, only.importType(), "the module's import is not a memory: " + only);
    assertEquals("env", only.module());
    assertEquals("memory", only.name());
    return (MemoryImport) only;
  }

  WasmModule module() {
    return module;
  }

  Memory memory() {
    return memory;
  }

  /** A new instance over the shared memory; its start function {@code __wasm_init_memory} has run. */
  Instance instantiate() {
    ImportValues imports = ImportValues.builder().addMemory(new ImportMemory("env", "memory", memory)).build();
    return Instance.builder(module).withImportValues(imports).build();
  }

  /**
   * Sets the instance up as a new thread: its own stack ({@code __stack_pointer} at the stack's top) and its own TLS
   * block, {@code __tls_size} bytes aligned to {@code __tls_align}, filled with garbage (as memory from malloc may be)
   * before {@code __wasm_init_tls(block)}.
   */
  WasmThread startThread(Instance instance) {
    int tlsSize = WasmThread.global(instance, "__tls_size");
    int tlsAlign = WasmThread.global(instance, "__tls_align");
    assertTrue(tlsAlign > 0 && Integer.bitCount(tlsAlign) == 1, "__tls_align is not a power of two: " + tlsAlign);
    int stackBase = allocate(instance, STACK_SIZE, 16);
    int stackTop = stackBase + STACK_SIZE;
    instance.exports().global("__stack_pointer").setValue(stackTop);
    int block = allocate(instance, tlsSize, tlsAlign);
    byte[] garbage = new byte[tlsSize];
    Arrays.fill(garbage, (byte) 0xA5);
    memory.write(block, garbage);
    WasmThread thread = new WasmThread(instance, block, tlsSize, stackTop);
    thread.call("__wasm_init_tls", block);
    return thread;
  }

  /** Bump allocation in linear memory above {@code __heap_base}, growing the memory when needed. */
  private synchronized int allocate(Instance instance, int size, int align) {
    if (heapTop < 0) {
      heapTop = WasmThread.global(instance, "__heap_base");
      assertNotEquals(0, heapTop, "__heap_base is 0");
    }
    int start = (heapTop + align - 1) & -align;
    int end = start + size;
    int pagesNeeded = (end + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE;
    if (pagesNeeded > memory.pages()) {
      int grown = memory.grow(pagesNeeded - memory.pages());
      assertNotEquals(-1, grown, "cannot grow the shared memory to " + pagesNeeded + " pages");
    }
    heapTop = end;
    return start;
  }

  /** A body that runs on one of several concurrent threads: {@code id} from 0, and a barrier for all of them. */
  interface ThreadBody {
    void run(int id, Phases phases) throws Exception;
  }

  /** Lets the threads of {@link #runConcurrently} wait for one another between phases. */
  static final class Phases {
    private final CyclicBarrier barrier;

    Phases(int parties) {
      this.barrier = new CyclicBarrier(parties);
    }

    /** Waits until every thread has reached this point (at most {@link #TIMEOUT_SECONDS}). */
    void await() throws InterruptedException, BrokenBarrierException, TimeoutException {
      barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * Runs {@code body} on {@code count} Java threads that start together (behind a latch) so that they overlap, and
   * waits for all of them (bounded). The first failure fails the test, naming its thread.
   */
  static void runConcurrently(int count, ThreadBody body) throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch ready = new CountDownLatch(count);
      CountDownLatch go = new CountDownLatch(1);
      Phases phases = new Phases(count);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int id = i;
        futures.add(executor.submit(() -> {
          ready.countDown();
          if (!go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException("thread " + id + " was never started");
          }
          body.run(id, phases);
          return null;
        }));
      }
      assertTrue(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the threads did not start");
      go.countDown();
      AssertionError brokenBarrier = null;
      for (int i = 0; i < count; i++) {
        try {
          futures.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          AssertionError failure = new AssertionError("thread " + i + ": " + cause, cause);
          if (!(cause instanceof BrokenBarrierException)) {
            throw failure;
          }
          if (brokenBarrier == null) {
            brokenBarrier = failure; // another thread failed: report that one if it is found
          }
        } catch (TimeoutException e) {
          fail("thread " + i + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
      }
      if (brokenBarrier != null) {
        throw brokenBarrier;
      }
    } finally {
      executor.shutdownNow();
      if (!executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail("the threads did not stop");
      }
    }
  }
}
