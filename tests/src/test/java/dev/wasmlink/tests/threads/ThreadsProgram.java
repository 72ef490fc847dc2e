package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles {@code src/test/resources/threads/tls.c} once with clang-19 (freestanding, atomics and bulk memory) and
 * links it, with the same flags, by either linker: wasm-ld-19 or wasmlink's {@code bin/wasm-ld}. Outputs go to
 * {@code tests/target/threads/}.
 */
final class ThreadsProgram {
  /** The two linkers under test, by the names the parameterized tests use. */
  static final String REFERENCE = "wasm-ld-19";
  static final String OURS = "wasmlink";

  /** How tls.c is compiled: no libc, thread-locals kept (they need atomics and bulk memory), no stack use. */
  static final List<String> COMPILE_FLAGS = List.of("--target=wasm32", "-matomics", "-mbulk-memory", "-O1", "-c");

  /** The maximum memory of the shared link: 16 pages. */
  static final int MAX_MEMORY = 16 * 65536;

  /**
   * The threads link: memory imported from the host (env.memory), shared, with a maximum; the TLS symbols a runtime
   * needs and the stack pointer (a mutable global each instance sets to its own stack) exported.
   */
  static final List<String> SHARED_FLAGS = List.of("--no-entry", "--shared-memory", "--import-memory",
      "--max-memory=" + MAX_MEMORY, "--export=__wasm_init_tls", "--export=__tls_size", "--export=__tls_align",
      "--export=__tls_base", "--export=__stack_pointer", "--export=__heap_base");

  /**
   * The single-threaded link of the same object: wasm-ld defines neither {@code __wasm_init_tls} nor
   * {@code __tls_size}/{@code __tls_align} without shared memory, so only {@code __tls_base} (then an immutable global
   * at the static {@code .tdata}) is exported.
   */
  static final List<String> SINGLE_FLAGS = List.of("--no-entry", "--export=__tls_base", "--export=__heap_base");

  private static Path object;

  /** The flags each output was linked with, once it linked cleanly and validated; the tests only read outputs. */
  private static final Map<Path, List<String>> LINKED = new HashMap<>();

  private ThreadsProgram() {}

  static Path buildDirectory() {
    return LinkHarness.ROOT.resolve("tests/target/threads");
  }

  static Path source() {
    return LinkHarness.ROOT.resolve("tests/src/test/resources/threads/tls.c");
  }

  /** tls.o, compiled once per test run. */
  static synchronized Path object() {
    if (object == null) {
      Path directory = buildDirectory();
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path output = directory.resolve("tls.o");
      List<String> command = new ArrayList<>();
      command.add(Tools.require("clang-19", "clang-19").toString());
      command.addAll(COMPILE_FLAGS);
      command.add(source().toString());
      command.add("-o");
      command.add(output.toString());
      Tools.output(command);
      object = output;
    }
    return object;
  }

  /** The linker's executable for a test parameter. */
  static String linker(String name) {
    return switch (name) {
      case REFERENCE -> Tools.require("wasm-ld-19", "lld-19").toString();
      case OURS -> LinkHarness.ourLinker().toString();
      default -> fail("unknown linker " + name);
    };
  }

  /**
   * Links tls.o with the named linker and flags into {@code tests/target/threads/NAME-LABEL.wasm}, and checks that
   * the link succeeded cleanly and that {@code wasm-validate --enable-threads} accepts the output. A failed link fails
   * the test with the linker's command line and error. Each output is linked and checked once per test run; later
   * calls for it return it as it is.
   */
  static synchronized Path link(String linkerName, String label, List<String> flags) {
    Path output = buildDirectory().resolve(linkerName + "-" + label + ".wasm");
    List<String> linkedWith = LINKED.get(output);
    if (linkedWith != null) {
      assertEquals(linkedWith, flags, () -> output + " was linked with other flags");
      return output;
    }
    List<String> arguments = new ArrayList<>(flags);
    arguments.add(object().toString());
    arguments.add("-o");
    arguments.add(output.toString());
    LinkHarness.Link link = LinkHarness.link(linker(linkerName), arguments, output);
    if (link.exitCode() != 0 || !Files.isRegularFile(output)) {
      fail(linkerName + " failed to link tls.o (" + label + "):\n" + link.describe());
    }
    assertEquals("", link.stderr(), () -> linkerName + " warned:\n" + link.describe());
    Tools.Result validation = Tools.run(List.of(Tools.require("wasm-validate", "wabt").toString(), "--enable-threads",
        output.toString()));
    assertTrue(validation.exitCode() == 0 && validation.stderr().isEmpty(),
        () -> "wasm-validate --enable-threads rejects " + output + ":\n" + validation.stderr() + validation.stdout());
    LINKED.put(output, List.copyOf(flags));
    return output;
  }
}
