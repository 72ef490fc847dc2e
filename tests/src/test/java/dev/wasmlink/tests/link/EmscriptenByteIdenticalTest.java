package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * emcc's own link commands, given to wasm-ld-19 and to wasmlink: the outputs must be the same bytes. emcc links
 * against emscripten's prebuilt libraries with dozens of {@code --export}/{@code --export-if-defined} names, which
 * pull archive members in the order wasm-ld's hash set of them yields them; C++ with exceptions brings every
 * object's weak {@code __cpp_exception} and libc++abi's aliased destructors; threads bring shared memory and TLS.
 *
 * <p>Each program is compiled by emcc into objects, then linked by emcc through a recording {@code wasm-ld-14}
 * (which notes its arguments and runs the real one); those arguments, without emcc's {@code -mllvm} options (which
 * name LLVM 14 passes) and its {@code -o}, are the link.
 */
class EmscriptenByteIdenticalTest {
  private static final Path BUILD = LinkHarness.ROOT.resolve("tests/target/emscripten-identical");

  /** A program: its sources, and the flags for compiling and linking them. */
  private record Program(String name, List<String> sources, List<String> flags) {}

  private static final List<Program> PROGRAMS = List.of(
      new Program("exceptions", List.of("exceptions.cpp", "exceptions_thrower.cpp"),
          List.of("-fwasm-exceptions")),
      new Program("threads", List.of("threads.c"), List.of("-pthread", "-sPTHREAD_POOL_SIZE=4")),
      new Program("em_asm", List.of("em_asm.c"), List.of()),
      new Program("wide_strings", List.of("wide_strings.c"), List.of("-O2")),
      new Program("got_tls", List.of("got_tls.c"), List.of("-O1", "-pthread", "-sPROXY_TO_PTHREAD",
          "-sEXIT_RUNTIME")));

  @TestFactory
  Stream<DynamicTest> emccLinksAreWasmLd19sByteForByte() {
    return PROGRAMS.stream().map(program -> DynamicTest.dynamicTest(program.name(), () -> {
      Path directory = BUILD.resolve(program.name());
      LinkHarness.deleteRecursively(directory);
      Files.createDirectories(directory);
      List<String> arguments = emccLinkArguments(program, directory);
      byte[] reference = link(Tools.require("wasm-ld-19", "lld-19").toString(), arguments, directory, "reference");
      byte[] ours = link(LinkHarness.ourLinker().toString(), arguments, directory, "ours");
      assertArrayEquals(reference, ours, () -> program.name() + ": wasmlink's output differs from wasm-ld-19's;"
          + " compare " + directory + "/{reference,ours}/out.wasm with wasm-objdump -x");
    }));
  }

  /** Compiles the program's sources into objects, links them with emcc, and returns the wasm-ld arguments used. */
  private static List<String> emccLinkArguments(Program program, Path directory) throws IOException {
    Tools.require("emcc", "emscripten");
    boolean cpp = program.sources().stream().anyMatch(source -> source.endsWith(".cpp"));
    String driver = cpp ? "em++" : "emcc";
    Map<String, String> environment = Map.of("EMCC_SKIP_SANITY_CHECK", "1", "NODE_PATH", "/usr/share/nodejs");
    List<String> objects = new ArrayList<>();
    for (String source : program.sources()) {
      String object = source.replace('.', '_') + ".o";
      List<String> compile = new ArrayList<>(List.of(driver, "-c", "-std=" + (cpp ? "c++17" : "gnu11")));
      compile.addAll(program.flags());
      compile.addAll(List.of(EmscriptenBuild.SOURCES.resolve(source).toString(), "-o", object));
      succeed(compile, directory, environment);
      objects.add(object);
    }
    Path recorded = directory.resolve("wasm-ld-arguments.txt");
    List<String> link = new ArrayList<>(List.of(driver));
    link.addAll(objects);
    link.addAll(program.flags());
    link.addAll(List.of("-o", "program.js"));
    succeed(link, directory, Map.of("EMCC_SKIP_SANITY_CHECK", "1", "NODE_PATH", "/usr/share/nodejs",
        "EM_LLVM_ROOT", recordingLlvmRoot().toString(), "WASMLINK_RECORD", recorded.toString()));
    List<String> arguments = new ArrayList<>();
    List<String> lines = Files.readAllLines(recorded);
    for (int i = 0; i < lines.size(); i++) {
      String argument = lines.get(i);
      if (argument.equals("-mllvm") || argument.equals("-o")) {
        i++;
      } else {
        arguments.add(argument);
      }
    }
    return arguments;
  }

  private static void succeed(List<String> command, Path directory, Map<String, String> environment) {
    Tools.Result result = Tools.run(command, directory, environment, Duration.ofMinutes(5));
    assertEquals(0, result.exitCode(), () -> String.join(" ", command) + "\n" + result.stdout() + result.stderr());
  }

  private static byte[] link(String linker, List<String> arguments, Path directory, String name) throws IOException {
    Path output = Files.createDirectories(directory.resolve(name)).resolve("out.wasm");
    List<String> command = new ArrayList<>(List.of(linker));
    command.addAll(arguments);
    command.addAll(List.of("-o", output.toString()));
    succeed(command, directory, Map.of());
    return Files.readAllBytes(output);
  }

  /** Links to every {@code *-14} LLVM tool, with a {@code wasm-ld-14} that records its arguments, a line each. */
  private static synchronized Path recordingLlvmRoot() throws IOException {
    Path root = BUILD.resolve("llvm-root");
    if (Files.isRegularFile(root.resolve("wasm-ld-14"))) {
      return root;
    }
    Files.createDirectories(root);
    try (Stream<Path> tools = Files.list(Path.of("/usr/bin"))) {
      for (Path tool : tools.filter(p -> p.getFileName().toString().endsWith("-14")).toList()) {
        Path link = root.resolve(tool.getFileName());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, tool);
      }
    }
    Path recorder = root.resolve("wasm-ld-14");
    Files.deleteIfExists(recorder);
    Files.writeString(recorder, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$WASMLINK_RECORD\"\nexec /usr/bin/wasm-ld-14 \"$@\"\n");
    Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
    return root;
  }
}
