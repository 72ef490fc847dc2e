package dev.wasmlink.tests.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Small link cases, each run by wasm-ld-19 and by our {@code bin/wasm-ld} with the same arguments, that must agree:
 * the cases and their format are in {@code src/test/resources/agreement/cases.txt}. One dynamic test per case.
 */
class WasmLdAgreementTest {
  private static final Path SOURCES = LinkHarness.ROOT.resolve("tests/src/test/resources/agreement");
  private static final Path BUILD = LinkHarness.ROOT.resolve("tests/target/agreement");
  private static final String DIAGNOSTIC = "wasm-ld: ";

  /** One line of cases.txt. */
  record Case(String name, List<String> inputs, List<String> compileFlags, List<String> arguments) {
    static Case parse(String line) {
      String[] fields = line.split("\\|", -1);
      assertEquals(4, fields.length, () -> "cases.txt: not four fields: " + line);
      return new Case(fields[0].trim(), words(fields[1]), words(fields[2]), words(fields[3]));
    }

    private static List<String> words(String field) {
      return field.isBlank() ? List.of() : Arrays.asList(field.trim().split("\\s+"));
    }

    Path directory() {
      return BUILD.resolve(name);
    }
  }

  /** What one linker did. */
  record Outcome(int status, List<String> diagnostics, String stderr, byte[] output) {
    String describe() {
      return "exit status " + status + "\nstderr:\n" + stderr;
    }
  }

  static List<Case> cases() throws IOException {
    return Files.readAllLines(SOURCES.resolve("cases.txt")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).map(Case::parse).toList();
  }

  @TestFactory
  Stream<DynamicTest> linksAsWasmLd19() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) throws IOException {
    LinkHarness.deleteRecursively(c.directory());
    Files.createDirectories(c.directory().resolve("reference"));
    Files.createDirectories(c.directory().resolve("ours"));
    Files.createSymbolicLink(c.directory().resolve("reference/wasm-ld"), Tools.require("wasm-ld-19", "lld-19"));
    for (String input : c.inputs()) {
      build(c, input);
    }
    Outcome reference = link(c, c.directory().resolve("reference/wasm-ld").toString(), "reference/out.wasm");
    Outcome ours = link(c, LinkHarness.ourLinker().toString(), "ours/out.wasm");
    String context = "\ncase " + c.name() + " in " + c.directory() + ": wasm-ld " + String.join(" ", c.arguments())
        + "\nwasm-ld-19: " + reference.describe() + "ours: " + ours.describe();
    assertEquals(reference.status(), ours.status(), () -> "exit status" + context);
    assertEquals(reference.diagnostics(), ours.diagnostics(), () -> "error and warning lines" + context);
    if (reference.output() == null) {
      assertTrue(ours.output() == null, () -> "our failed link left an output file" + context);
    } else {
      assertArrayEquals(reference.output(), ours.output(), () -> "output bytes differ; compare "
          + "reference/out.wasm and ours/out.wasm with wasm-objdump -x or obj2yaml-19" + context);
    }
  }

  /**
   * Compiles, assembles or converts one input into NAME.o in the case's directory; {@code input@flag,flag} adds
   * flags for this input alone. {@code LIBRARY=input,input} builds the inputs (which take no flags of their own
   * there), then packs them into LIBRARY (a path in the case's directory): with {@code llvm-ar-19} when it ends in
   * {@code .a}, linked by wasm-ld-19 as a shared library when it ends in {@code .so}.
   */
  private static void build(Case c, String inputWithFlags) throws IOException {
    int equals = inputWithFlags.indexOf('=');
    int at = inputWithFlags.indexOf('@');
    if (equals >= 0 && (at < 0 || equals < at)) {
      pack(c, inputWithFlags.substring(0, equals), inputWithFlags.substring(equals + 1).split(","));
      return;
    }
    buildObject(c, inputWithFlags);
  }

  private static void pack(Case c, String library, String[] inputs) throws IOException {
    List<String> objects = new ArrayList<>();
    for (String input : inputs) {
      objects.add(buildObject(c, input));
    }
    Files.createDirectories(c.directory().resolve(library).getParent());
    List<String> command = new ArrayList<>();
    if (library.endsWith(".a")) {
      command.addAll(List.of(Tools.require("llvm-ar-19", "llvm-19").toString(), "rcs", library));
    } else if (library.endsWith(".so")) {
      command.addAll(List.of(Tools.require("wasm-ld-19", "lld-19").toString(), "-shared", "--experimental-pic",
          "-o", library));
    } else {
      throw new AssertionError("cases.txt: a library is .a or .so: " + library);
    }
    command.addAll(objects);
    Tools.Result result = Tools.run(command, c.directory(), Map.of(), Duration.ofMinutes(2));
    assertEquals(0, result.exitCode(), () -> String.join(" ", command) + "\n" + result.stderr());
  }

  /** Builds one input, as {@link #build} says, and returns its object's path in the case's directory. */
  private static String buildObject(Case c, String inputWithFlags) throws IOException {
    String[] parts = inputWithFlags.split("@", 2);
    String input = parts[0];
    Path source = SOURCES.resolve(input);
    assertTrue(Files.isRegularFile(source), () -> "no input " + source);
    if (input.endsWith(".stub")) {
      // A stub library (#STUB text) is an input as it is.
      Files.copy(source, c.directory().resolve(input), StandardCopyOption.REPLACE_EXISTING);
      return input;
    }
    String object = input.substring(0, input.lastIndexOf('.')) + ".o";
    Files.createDirectories(c.directory().resolve(object).getParent());
    List<String> command = new ArrayList<>();
    if (input.endsWith(".c") || input.endsWith(".cpp")) {
      command.addAll(List.of(Tools.require("clang-19", "clang-19").toString(), "--target=wasm32", "-O1", "-c"));
    } else if (input.endsWith(".s")) {
      command.addAll(List.of(Tools.require("llvm-mc-19", "llvm-19").toString(), "-triple=wasm32",
          "-filetype=obj"));
    } else if (input.endsWith(".yaml")) {
      command.add(Tools.require("yaml2obj-19", "llvm-19").toString());
    } else {
      throw new AssertionError("cases.txt: unknown kind of input " + input);
    }
    if (!input.endsWith(".yaml")) {
      command.addAll(c.compileFlags());
      if (parts.length > 1) {
        command.addAll(List.of(parts[1].split(",")));
      }
    }
    command.addAll(List.of(source.toString(), "-o", object));
    Tools.Result result = Tools.run(command, c.directory(), Map.of(), Duration.ofMinutes(2));
    assertEquals(0, result.exitCode(), () -> String.join(" ", command) + "\n" + result.stderr());
    return object;
  }

  private static Outcome link(Case c, String linker, String output) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(linker);
    c.arguments().forEach(argument -> command.add(argument.equals("OUT") ? output : argument));
    Tools.Result result = Tools.run(command, c.directory(), Map.of(), Duration.ofMinutes(2));
    List<String> diagnostics = result.stderr().lines().filter(line -> line.startsWith(DIAGNOSTIC)).toList();
    Path file = c.directory().resolve(output);
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : null;
    return new Outcome(result.exitCode(), diagnostics, result.stderr(), bytes);
  }
}
