package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A build directory of its own for one test class, {@code tests/target/threads/NAME}, emptied when created, in which
 * sources from {@code src/test/resources/threads} are compiled or assembled and linked with relative file names, so
 * that messages name {@code a.o} as users see them. wasm-ld-19 runs through a symlink named {@code wasm-ld} so that
 * its messages carry the same {@code wasm-ld:} prefix as ours.
 */
final class TlsWorkbench {
  /** How a.c and friends are compiled with thread support. */
  static final List<String> THREADS = ThreadsProgram.COMPILE_FLAGS;
  /** ... and without. */
  static final List<String> NO_THREADS = List.of("--target=wasm32", "-O1", "-c");
  static final String ERROR = "wasm-ld: error: ";

  /** What a command did. */
  record Run(List<String> command, int status, String out, String err) {
    List<String> errorLines() {
      return err.lines().filter(line -> line.startsWith(ERROR)).toList();
    }

    String describe() {
      return String.join(" ", command) + "\nexit status " + status + "\nstdout:\n" + out + "stderr:\n" + err;
    }
  }

  private final Path directory;

  TlsWorkbench(String name) {
    directory = ThreadsProgram.buildDirectory().resolve(name);
    LinkHarness.deleteRecursively(directory);
    try {
      Files.createDirectories(directory.resolve("reference"));
      Files.createSymbolicLink(directory.resolve("reference/wasm-ld"), Tools.require("wasm-ld-19", "lld-19"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(String name) {
    return directory.resolve(name);
  }

  /** Compiles {@code threads/mixed/SOURCE} into {@code OBJECT} with clang-19 and the given flags. */
  Path compile(String source, String object, List<String> flags) {
    List<String> command = new ArrayList<>();
    command.add(Tools.require("clang-19", "clang-19").toString());
    command.addAll(flags);
    command.add(resource("mixed/" + source).toString());
    command.add("-o");
    command.add(object);
    return succeed(command, object);
  }

  /** Assembles {@code threads/asm/NAME.s} into {@code NAME.o} with llvm-mc-19. */
  Path assemble(String name) {
    return succeed(List.of(Tools.require("llvm-mc-19", "llvm-19").toString(), "-triple=wasm32", "-filetype=obj",
        resource("asm/" + name + ".s").toString(), "-o", name + ".o"), name + ".o");
  }

  private Path succeed(List<String> command, String output) {
    Run run = run(command);
    assertEquals(0, run.status(), run::describe);
    return file(output);
  }

  static Path resource(String name) {
    Path path = LinkHarness.ROOT.resolve("tests/src/test/resources/threads").resolve(name);
    assertTrue(Files.isRegularFile(path), "missing test source " + path);
    return path;
  }

  /** Our {@code bin/wasm-ld}, in the directory. */
  Run ours(List<String> arguments) {
    return run(prepend(LinkHarness.ourLinker().toString(), arguments));
  }

  /** wasm-ld-19, called {@code wasm-ld}, in the directory. */
  Run reference(List<String> arguments) {
    return run(prepend(file("reference/wasm-ld").toString(), arguments));
  }

  /** {@code bin/wasmlink explain FILES...}. */
  Run explain(String... files) {
    List<String> command = new ArrayList<>(List.of(LinkHarness.ROOT.resolve("bin/wasmlink").toString(), "explain"));
    command.addAll(List.of(files));
    return run(command);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> command = new ArrayList<>();
    command.add(first);
    command.addAll(rest);
    return command;
  }

  /** Runs a command in the directory, for at most two minutes. */
  Run run(List<String> command) {
    Tools.Result result = Tools.run(command, directory, Map.of(), Duration.ofMinutes(2));
    return new Run(command, result.exitCode(), result.stdout(), result.stderr());
  }

  /** Asserts a failed link: status 1, and no output file (nor its temporary) left in the directory. */
  void assertFailedWithoutOutput(Run run, String output) {
    assertEquals(1, run.status(), run::describe);
    assertTrue(Files.notExists(file(output)), () -> output + " left behind\n" + run.describe());
    try (Stream<Path> files = Files.list(directory)) {
      List<String> leftovers = files.map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(output)).toList();
      assertEquals(List.of(), leftovers, () -> "files left behind\n" + run.describe());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts a clean link: status 0, nothing on stderr, the output there. */
  Path assertLinked(Run run, String output) {
    assertEquals(0, run.status(), run::describe);
    assertEquals("", run.err(), run::describe);
    assertTrue(Files.isRegularFile(file(output)), () -> "no " + output + "\n" + run.describe());
    return file(output);
  }

  /** The shared-memory link flags {@link SharedMemoryThreads} needs, then {@code inputs}, then {@code -o output}. */
  static List<String> sharedLink(String output, String... inputs) {
    List<String> arguments = new ArrayList<>(ThreadsProgram.SHARED_FLAGS);
    arguments.addAll(List.of(inputs));
    arguments.addAll(List.of("-o", output));
    return arguments;
  }

  /** A single-threaded link exporting getx/setx (they carry export_name), then {@code -o output}. */
  static List<String> singleLink(String output, String... inputs) {
    List<String> arguments = new ArrayList<>(List.of("--no-entry"));
    arguments.addAll(List.of(inputs));
    arguments.addAll(List.of("-o", output));
    return arguments;
  }

  /**
   * Runs a shared-memory link of a.c's getx/setx on Chicory: a main instance on the static TLS block and two threads
   * over the same memory, each with its own block from {@code __wasm_init_tls}. Each starts with 42 and sees its own
   * writes only.
   */
  static void checkPerThreadValues(Path wasm) {
    SharedMemoryThreads threads = new SharedMemoryThreads(wasm);
    Instance mainInstance = threads.instantiate();
    WasmThread main = new WasmThread(mainInstance, WasmThread.global(mainInstance, "__tls_base"), 0, -1);
    WasmThread first = threads.startThread(threads.instantiate());
    WasmThread second = threads.startThread(threads.instantiate());
    assertTrue(first.tlsBlock() != second.tlsBlock(), "the threads share a TLS block");
    assertEquals(42, main.call("getx"), "x on the main instance");
    assertEquals(42, first.call("getx"), "x on the first thread");
    assertEquals(42, second.call("getx"), "x on the second thread");
    first.call("setx", 1);
    second.call("setx", 2);
    assertEquals(1, first.call("getx"), "the first thread's x after both wrote");
    assertEquals(2, second.call("getx"), "the second thread's x after both wrote");
    assertEquals(42, main.call("getx"), "the main instance's x after the threads wrote");
    assertEquals(1, first.instance().memory().readInt(first.tlsBlock()), "the first thread's block in memory");
    assertEquals(2, second.instance().memory().readInt(second.tlsBlock()), "the second thread's block in memory");
  }

  /** Runs a single-threaded link on Chicory: getx() is 42, and setx/getx round-trip. */
  static void checkSingleThreaded(Path wasm) {
    Instance instance = Instance.builder(Parser.parse(wasm)).build();
    WasmThread thread = new WasmThread(instance, 0, 0, -1);
    assertEquals(42, thread.call("getx"), "getx() single-threaded");
    thread.call("setx", 7);
    assertEquals(7, thread.call("getx"), "getx() after setx(7)");
  }
}
