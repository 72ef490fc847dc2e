package dev.wasmlink.tests.threads;

import static dev.wasmlink.tests.threads.WasmThread.assertCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import dev.wasmlink.tests.threads.WasmThread.ThreadLocal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-thread storage in a program linked for threads: {@code src/test/resources/threads/tls.c}, compiled
 * freestanding with atomics and bulk memory, is linked by wasm-ld-19 and by wasmlink with the same flags
 * ({@link ThreadsProgram#SHARED_FLAGS}) and run on Chicory, one instance per Java thread over one shared memory, as
 * a threads runtime would ({@link SharedMemoryThreads}). Each case runs once per linker.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ThreadLocalStorageTest {
  private static final int THREADS = 6;
  private static final int ROUNDS = 25;
  private static final int RACES = 10;
  /** tls.c's largest thread-local alignment: {@code _Alignas(16)}. */
  private static final int LARGEST_ALIGNMENT = 16;

  /**
   * The shape wasm-ld gives a shared-memory link: an imported shared memory with a maximum, only passive data
   * segments (with a DataCount section), the start function {@code __wasm_init_memory}, and the TLS exports.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {ThreadsProgram.REFERENCE, ThreadsProgram.OURS})
  void sharedMemoryLinkHasTheThreadsLayout(String linker) {
    Path wasm = ThreadsProgram.link(linker, "shared", ThreadsProgram.SHARED_FLAGS);
    WasmModule module = Parser.parse(wasm);

    MemoryLimits limits = SharedMemoryThreads.memoryImport(module).limits();
    assertTrue(limits.shared(), "memory not shared: " + limits);
    assertEquals(ThreadsProgram.MAX_MEMORY / Memory.PAGE_SIZE, limits.maximumPages(), "--max-memory");
    assertTrue(module.memorySection().map(section -> section.memoryCount() == 0).orElse(true),
        "an imported memory and a memory section");

    DataSegment[] segments = module.dataSection().dataSegments();
    assertTrue(segments.length > 0, "no data segments (.tdata at least is expected)");
    for (int i = 0; i < segments.length; i++) {
      assertInstanceOf(PassiveDataSegment.class, segments[i], "data segment " + i + " is not passive");
    }
    assertEquals(segments.length, module.dataCountSection().orElseThrow().dataCount(), "DataCount");

    long start = module.startSection().orElseThrow(() -> new AssertionError("no start function")).startIndex();
    assertNotNull(module.nameSection(), "no name section to name the start function by");
    assertEquals("__wasm_init_memory", module.nameSection().nameOfFunction((int) start), "the start function");

    Map<String, Export> exports = exports(module);
    Export initTls = exports.get("__wasm_init_tls");
    assertEquals(ExternalType.FUNCTION, initTls == null ? null : initTls.exportType(), "__wasm_init_tls");
    int importedGlobals = module.importSection().count(ExternalType.GLOBAL);
    for (String name : new String[] {"__tls_base", "__tls_size", "__tls_align", "__stack_pointer"}) {
      Export export = exports.get(name);
      assertEquals(ExternalType.GLOBAL, export == null ? null : export.exportType(), name + " not exported");
      MutabilityType mutability = module.globalSection().getGlobal(export.index() - importedGlobals)
          .mutabilityType();
      boolean perInstance = name.equals("__tls_base") || name.equals("__stack_pointer");
      assertEquals(perInstance ? MutabilityType.Var : MutabilityType.Const, mutability, name + "'s mutability");
    }

    SharedMemoryThreads threads = new SharedMemoryThreads(wasm);
    Instance instance = threads.instantiate();
    assertEquals(LARGEST_ALIGNMENT, WasmThread.global(instance, "__tls_align"), "__tls_align");
    int tlsSize = WasmThread.global(instance, "__tls_size");
    assertTrue(tlsSize >= 1 + 4 + 8 + 16 + 32 && tlsSize % LARGEST_ALIGNMENT == 0,
        "__tls_size " + tlsSize + " does not hold the thread-locals in whole 16-byte units");
    // __wasm_init_memory drops the data segments it no longer needs, but must keep .tdata for __wasm_init_tls (on
    // Chicory, memory.init of a dropped segment traps), in the instance that initialised memory as in the others.
    checkFreshThread(threads.startThread(instance));
  }

  /**
   * The main instance initialises memory and runs on the static TLS block; then {@value #THREADS} threads, started
   * together, instantiate over the same memory, get TLS blocks of their own and work on their thread-locals at the
   * same time. Each sees the initial values, its own updates only, and addresses inside its own block; the shared
   * counter adds up everyone's increments; the main thread's thread-locals are untouched; and an instance created
   * afterwards does not initialise memory again.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {ThreadsProgram.REFERENCE, ThreadsProgram.OURS})
  void threadsHaveThreadLocalsOfTheirOwn(String linker) throws Exception {
    SharedMemoryThreads threads = new SharedMemoryThreads(ThreadsProgram.link(linker, "shared",
        ThreadsProgram.SHARED_FLAGS));
    Instance mainInstance = threads.instantiate();
    WasmThread main = mainThread(mainInstance);
    assertCheck("check_initial() on the main instance", main.call("check_initial"));

    SharedMemoryThreads.runConcurrently(THREADS, (id, phases) -> {
      WasmThread thread = threads.startThread(threads.instantiate());
      checkFreshThread(thread);
      phases.await(); // every thread has its block before anyone writes
      for (int round = 0; round < ROUNDS; round++) {
        thread.call("update", id);
        assertCheck("check_updated(" + id + ") in round " + round, thread.call("check_updated", id));
      }
      phases.await(); // everyone has written: nobody's writes may show in another's block
      checkUpdatedThread(thread, threads.memory(), id);
    });

    assertCheck("check_initial() on the main instance after the threads", main.call("check_initial"));
    assertEquals(WasmThread.initialChecksum(), main.call("checksum"), "the main instance's checksum");
    int expected = expectedCounter(THREADS);
    assertEquals(expected, main.call("counter"), "the shared counter");

    WasmThread late = threads.startThread(threads.instantiate());
    assertEquals(expected, late.call("counter"), "a later instance initialised memory again (.bss cleared)");
    checkFreshThread(late);
  }

  /**
   * Without a main instance: {@value #THREADS} threads instantiate at the same time, so their start functions race
   * for {@code __wasm_init_memory}'s flag: one initialises, the others see it done or wait on it
   * ({@code memory.atomic.wait32}) until the first notifies them. Each thread goes on as soon as its own start function
   * returns, so memory must be initialised by then. Repeated over fresh memories ({@value #RACES} times) so that
   * some instances do wait (in trials on Chicory, about one race in three has a waiter).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {ThreadsProgram.REFERENCE, ThreadsProgram.OURS})
  void concurrentInstantiationInitialisesMemoryOnce(String linker) throws Exception {
    Path wasm = ThreadsProgram.link(linker, "shared", ThreadsProgram.SHARED_FLAGS);
    int expected = 0;
    for (int id = 0; id < THREADS; id++) {
      expected += id + 1;
    }
    for (int race = 0; race < RACES; race++) {
      SharedMemoryThreads threads = new SharedMemoryThreads(wasm);
      SharedMemoryThreads.runConcurrently(THREADS, (id, phases) -> {
        WasmThread thread = threads.startThread(threads.instantiate());
        checkFreshThread(thread);
        thread.call("update", id);
        assertCheck("check_updated(" + id + ")", thread.call("check_updated", id));
        phases.await();
        checkUpdatedThread(thread, threads.memory(), id);
      });
      WasmThread late = threads.startThread(threads.instantiate());
      assertEquals(expected, late.call("counter"), "the shared counter after race " + race);
    }
  }

  /**
   * A host that never calls {@code __wasm_init_tls} on the main instance: {@code __wasm_init_memory} has pointed
   * {@code __tls_base} at the static {@code .tdata}, so the initial values are there. A second thread still gets the
   * initial values from {@code __wasm_init_tls}, not the main thread's updates.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {ThreadsProgram.REFERENCE, ThreadsProgram.OURS})
  void mainInstanceUsesTheStaticTlsBlockWithoutInitTls(String linker) {
    SharedMemoryThreads threads = new SharedMemoryThreads(ThreadsProgram.link(linker, "shared",
        ThreadsProgram.SHARED_FLAGS));
    Instance mainInstance = threads.instantiate();
    WasmThread main = mainThread(mainInstance);
    int heapBase = main.global("__heap_base");
    assertTrue(main.tlsBlock() + main.tlsSize() <= heapBase,
        "the static TLS block at " + main.tlsBlock() + " is not below __heap_base " + heapBase);
    assertCheck("check_initial() on the main instance", main.call("check_initial"));
    checkAddresses(main);

    main.call("update", 5);
    assertCheck("check_updated(5) on the main instance", main.call("check_updated", 5));
    assertEquals(WasmThread.expectedChecksum(5), main.call("checksum"));

    WasmThread second = threads.startThread(threads.instantiate());
    checkFreshThread(second);
    second.call("update", 9);
    assertCheck("check_updated(9) on the second thread", second.call("check_updated", 9));
    assertCheck("check_updated(5) on the main instance after the second thread's update",
        main.call("check_updated", 5));
    assertEquals(6 + 10, main.call("counter"), "the shared counter");
  }

  /**
   * The same object linked without {@code --shared-memory}: TLS still works single-threaded, with
   * {@code __tls_base} an immutable global at the static {@code .tdata}, active data segments and a memory of the
   * module's own, not shared.
   *
   * <p>wasm-ld 19 gets the code wrong here: without shared memory it resolves TLS-relative relocations
   * ({@code R_WASM_MEMORY_ADDR_TLS_SLEB}) to absolute addresses, so each access adds {@code __tls_base} twice and
   * misses {@code .tdata} (fixed in LLVM 20 by llvm/llvm-project#116136). For wasm-ld-19 the case checks the module's
   * shape and pins down that defect; wasmlink must produce code that works.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {ThreadsProgram.REFERENCE, ThreadsProgram.OURS})
  void singleThreadedLinkKeepsThreadLocals(String linker) {
    Path wasm = ThreadsProgram.link(linker, "single", ThreadsProgram.SINGLE_FLAGS);
    WasmModule module = Parser.parse(wasm);
    assertEquals(0, module.importSection().importCount(), "the single-threaded link imports nothing");
    MemoryLimits limits = module.memorySection().orElseThrow().getMemory(0).limits();
    assertFalse(limits.shared(), "the memory is shared without --shared-memory");
    assertTrue(module.startSection().isEmpty(), "a start function without --shared-memory");
    for (DataSegment segment : module.dataSection().dataSegments()) {
      assertInstanceOf(ActiveDataSegment.class, segment, "a passive data segment without --shared-memory");
    }
    Map<String, Export> exports = exports(module);
    assertEquals(ExternalType.MEMORY, exports.get("memory").exportType(), "the memory is not exported");
    assertFalse(exports.containsKey("__wasm_init_tls"), "__wasm_init_tls without --shared-memory");
    Export tlsBaseExport = exports.get("__tls_base");
    assertEquals(MutabilityType.Const, module.globalSection()
        .getGlobal(tlsBaseExport.index() - module.importSection().count(ExternalType.GLOBAL)).mutabilityType(),
        "__tls_base's mutability");

    Instance instance = Instance.builder(module).build();
    int tlsBase = WasmThread.global(instance, "__tls_base");
    assertNotEquals(0, tlsBase, "__tls_base is 0");
    assertEquals(0, tlsBase % LARGEST_ALIGNMENT, "__tls_base " + tlsBase + " is not 16-byte aligned");
    assertTrue(tlsBase < WasmThread.global(instance, "__heap_base"), "__tls_base is not below __heap_base");
    if (linker.equals(ThreadsProgram.REFERENCE)) {
      checkWasmLd19SingleThreadedTlsDefect(instance, tlsBase);
      return;
    }
    // No __tls_size without shared memory: the block is as long as its thread-locals reach.
    WasmThread probe = new WasmThread(instance, tlsBase, 0, -1);
    int extent = 0;
    for (ThreadLocal local : ThreadLocal.values()) {
      extent = Math.max(extent, probe.address(local) + probe.size(local) - tlsBase);
    }
    WasmThread thread = new WasmThread(instance, tlsBase, extent, -1);
    assertTrue(tlsBase + extent <= thread.global("__heap_base"), "the TLS block is not below __heap_base");
    assertCheck("check_initial()", thread.call("check_initial"));
    checkAddresses(thread);
    thread.call("update", 3);
    assertCheck("check_updated(3)", thread.call("check_updated", 3));
    assertEquals(WasmThread.expectedChecksum(3), thread.call("checksum"));
    assertEquals(4, thread.call("counter"), "the counter");
    checkMemory(thread, instance.memory(), 3);
  }

  /**
   * wasm-ld 19 without shared memory: the offset added to {@code __tls_base} is the thread-local's absolute address
   * ({@code tl_char} opens {@code .tdata} at {@code __tls_base}, so its offset is {@code __tls_base} itself), and the
   * program reads zeros where its initial values should be.
   */
  private static void checkWasmLd19SingleThreadedTlsDefect(Instance instance, int tlsBase) {
    WasmThread thread = new WasmThread(instance, tlsBase, 0, -1);
    Memory memory = instance.memory();
    assertEquals((byte) 'w', memory.read(tlsBase), "tl_char's initial value is not at __tls_base");
    assertEquals(0x12345678, memory.readInt(tlsBase + 4), "tl_int's initial value");
    assertEquals(2 * tlsBase, thread.address(ThreadLocal.CHAR),
        "wasm-ld 19 no longer adds __tls_base twice: drop this special case (llvm/llvm-project#116136)");
    assertEquals(1, thread.call("check_initial"), "check_initial() should find tl_char zero at the wrong address");
  }

  /** The main instance, on the static TLS block that {@code __wasm_init_memory} pointed {@code __tls_base} at. */
  private static WasmThread mainThread(Instance instance) {
    int tlsBase = WasmThread.global(instance, "__tls_base");
    int tlsAlign = WasmThread.global(instance, "__tls_align");
    assertNotEquals(0, tlsBase, "__wasm_init_memory left __tls_base 0 in the instance that initialised memory");
    assertEquals(0, tlsBase % tlsAlign, "the static TLS block " + tlsBase + " is not aligned to " + tlsAlign);
    return new WasmThread(instance, tlsBase, WasmThread.global(instance, "__tls_size"), -1);
  }

  /** A thread just after {@code __wasm_init_tls}: initial values in its own block. */
  private static void checkFreshThread(WasmThread thread) {
    assertEquals(thread.tlsBlock(), thread.global("__tls_base"), "__wasm_init_tls did not set __tls_base");
    assertEquals(0, thread.tlsBlock() % thread.global("__tls_align"), "the TLS block is not aligned to __tls_align");
    assertCheck("check_initial()", thread.call("check_initial"));
    assertEquals(WasmThread.initialChecksum(), thread.call("checksum"), "checksum of the initial values");
    checkAddresses(thread);
    assertEquals(thread.stackTop(), thread.global("__stack_pointer"), "the stack pointer moved");
  }

  /** After {@code update(id)} in every thread: this thread's values are its own, in its own block. */
  private static void checkUpdatedThread(WasmThread thread, Memory memory, int id) {
    assertCheck("check_updated(" + id + ") after all threads updated", thread.call("check_updated", id));
    assertEquals(WasmThread.expectedChecksum(id), thread.call("checksum"), "checksum of thread " + id);
    assertEquals(thread.tlsBlock(), thread.global("__tls_base"), "__tls_base changed");
    checkMemory(thread, memory, id);
    assertEquals(thread.stackTop(), thread.global("__stack_pointer"), "the stack pointer moved");
  }

  /** Each thread-local lies inside the thread's TLS block, at its C alignment; the 16-byte one at 16. */
  private static void checkAddresses(WasmThread thread) {
    int block = thread.tlsBlock();
    int end = block + thread.tlsSize();
    for (ThreadLocal local : ThreadLocal.values()) {
      int address = thread.address(local);
      int size = thread.size(local);
      assertTrue(address >= block && address + size <= end, local + " at " + address + " (" + size
          + " bytes) is not inside the TLS block [" + block + ", " + end + ")");
      assertEquals(0, address % local.alignment, local + " at " + address + " is not " + local.alignment
          + "-byte aligned");
    }
    assertEquals(0, thread.address(ThreadLocal.ALIGNED_ARRAY) % LARGEST_ALIGNMENT, "the _Alignas(16) array");
  }

  /** The host reads update(id)'s values straight from the thread's block. */
  private static void checkMemory(WasmThread thread, Memory memory, int id) {
    assertEquals((byte) ('a' + id), memory.read(thread.address(ThreadLocal.CHAR)), "tl_char in memory");
    assertEquals(id * 1000 + 7, memory.readInt(thread.address(ThreadLocal.INT)), "tl_int in memory");
    assertEquals(id + 0.25, memory.readDouble(thread.address(ThreadLocal.DOUBLE)), "tl_double in memory");
    int array = thread.address(ThreadLocal.ALIGNED_ARRAY);
    int zeroed = thread.address(ThreadLocal.ZEROED_ARRAY);
    for (int i = 0; i < 4; i++) {
      assertEquals(id * 100 + i, memory.readInt(array + 4 * i), "tl_vec[" + i + "] in memory");
    }
    for (int i = 0; i < 8; i++) {
      assertEquals(id + i, memory.readInt(zeroed + 4 * i), "tl_zero[" + i + "] in memory");
    }
  }

  private static int expectedCounter(int threads) {
    int total = 0;
    for (int id = 0; id < threads; id++) {
      total += ROUNDS * (id + 1);
    }
    return total;
  }

  private static Map<String, Export> exports(WasmModule module) {
    Map<String, Export> exports = new HashMap<>();
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export export = module.exportSection().getExport(i);
      exports.put(export.name(), export);
    }
    return exports;
  }
}
