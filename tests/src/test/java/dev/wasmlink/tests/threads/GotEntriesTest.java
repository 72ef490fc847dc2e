package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GOT entries in a static link (threads/asm/got_entries.s): code that reads the address of a thread-local
 * ({@code x@GOT@TLS}), of ordinary data ({@code d@GOT}) and a function's table slot ({@code getd@GOT}) from globals,
 * as LLVM 14 compiles every symbol it cannot prove DSO-local. With shared memory the thread-local's entry must be set
 * per thread by {@code __wasm_apply_global_tls_relocs}, which {@code __wasm_init_tls} calls: an entry fixed at one
 * address made every thread share one {@code x}. The outputs are wasm-ld-19's, byte for byte, and each thread
 * reaches its own {@code x}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GotEntriesTest {
  private static final List<String> SINGLE_FLAGS = List.of("--no-entry");

  private static TlsWorkbench bench;

  @BeforeAll
  static void build() throws IOException {
    bench = new TlsWorkbench("got-entries");
    bench.assemble("got_entries");
    Files.createDirectories(bench.file("ours"));
  }

  /** Links got_entries.o into DIRECTORY/got.wasm (the same file name for both linkers: it names the module). */
  private static Path link(String directory, List<String> flags) {
    List<String> arguments = new ArrayList<>(flags);
    arguments.addAll(List.of("got_entries.o", "-o", directory + "/got.wasm"));
    String output = directory + "/got.wasm";
    return bench.assertLinked(directory.equals("ours") ? bench.ours(arguments) : bench.reference(arguments), output);
  }

  private static List<String> sharedFlags() {
    return new ArrayList<>(ThreadsProgram.SHARED_FLAGS);
  }

  @Test
  void sharedMemoryOutputIsWasmLd19s() throws IOException {
    assertArrayEquals(Files.readAllBytes(link("reference", sharedFlags())),
        Files.readAllBytes(link("ours", sharedFlags())),
        "with shared memory, the GOT entries or __wasm_apply_global_tls_relocs differ from wasm-ld-19's");
  }

  @Test
  void singleThreadedOutputIsWasmLd19s() throws IOException {
    assertArrayEquals(Files.readAllBytes(link("reference", SINGLE_FLAGS)),
        Files.readAllBytes(link("ours", SINGLE_FLAGS)),
        "single-threaded, the GOT entries differ from wasm-ld-19's");
  }

  @Test
  void eachThreadReachesItsOwnThreadLocalThroughTheGot() {
    SharedMemoryThreads threads = new SharedMemoryThreads(link("ours", sharedFlags()));
    WasmThread first = threads.startThread(threads.instantiate());
    WasmThread second = threads.startThread(threads.instantiate());
    assertNotEquals(first.tlsBlock(), second.tlsBlock(), "the threads share a TLS block");
    assertEquals(42, first.call("getx"), "x on the first thread");
    assertEquals(42, second.call("getx"), "x on the second thread");
    first.call("setx", 1);
    second.call("setx", 2);
    assertEquals(1, first.call("getx"), "the first thread's x after both wrote");
    assertEquals(2, second.call("getx"), "the second thread's x after both wrote");
    assertEquals(1, first.instance().memory().readInt(first.tlsBlock()), "the first thread's block in memory");
    assertEquals(2, second.instance().memory().readInt(second.tlsBlock()), "the second thread's block in memory");
    assertEquals(7, first.call("getd"), "d through its GOT entry");
    assertEquals(7, second.call("getd"), "d through its GOT entry, on the second thread");
    assertEquals(1, first.call("slot"), "getd's table slot through its GOT entry");
  }

  @Test
  void singleThreadedEntriesHoldStaticAddresses() {
    Instance instance = Instance.builder(Parser.parse(link("ours", SINGLE_FLAGS))).build();
    WasmThread thread = new WasmThread(instance, 0, 0, -1);
    assertEquals(42, thread.call("getx"), "x single-threaded");
    thread.call("setx", 9);
    assertEquals(9, thread.call("getx"), "x after setx(9)");
    assertEquals(7, thread.call("getd"), "d through its GOT entry");
    assertEquals(1, thread.call("slot"), "getd's table slot through its GOT entry");
  }
}
