package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A constructor an object names but does not define ({@code programs/latector/needs_setup.s}; LLVM IR's
 * {@code llvm.global_ctors} may name a declaration). It is a use of an undefined symbol: a relocatable output keeps
 * its init function entry, so that the program linked from it with the definition ({@code setup.c}) runs it; a final
 * link imports it under {@code --allow-undefined} (the agreement cases hold that to wasm-ld-19's bytes) and reports
 * it otherwise, where wasm-ld 19 crashes.
 */
class UndefinedConstructorTest {
  private static final Path SOURCES = LinkHarness.programsDirectory().resolve("latector");
  private static final Path DIRECTORY = LinkHarness.buildRoot().resolve("latector");
  private static final String WASM_LD_19 = Tools.require("wasm-ld-19", "lld-19").toString();

  private static Path needsSetup;
  private static List<Path> program;

  @BeforeAll
  static void build() throws IOException {
    LinkHarness.deleteRecursively(DIRECTORY);
    Files.createDirectories(DIRECTORY);
    needsSetup = DIRECTORY.resolve("needs_setup.o");
    Tools.output(List.of(Tools.require("llvm-mc-19", "llvm-19").toString(), "-triple=wasm32", "-filetype=obj",
        SOURCES.resolve("needs_setup.s").toString(), "-o", needsSetup.toString()));
    program = new ArrayList<>();
    for (String source : List.of("setup", "main")) {
      Path object = DIRECTORY.resolve(source + ".o");
      List<String> command = new ArrayList<>(List.of(Tools.require("clang-19", "clang-19").toString()));
      command.addAll(LinkHarness.COMPILE_FLAGS);
      command.addAll(List.of(SOURCES.resolve(source + ".c").toString(), "-o", object.toString()));
      Tools.output(command);
      program.add(object);
    }
  }

  @Test
  void relocatableOutputKeepsTheConstructor() throws IOException {
    Path combined = DIRECTORY.resolve("combined.o");
    LinkHarness.Link relocatable = LinkHarness.link(LinkHarness.ourLinker().toString(),
        List.of("-r", needsSetup.toString(), "-o", combined.toString()), combined);
    assertTrue(relocatable.clean(), relocatable::describe);
    List<Path> objects = new ArrayList<>(List.of(combined));
    objects.addAll(program);
    for (String linker : List.of(WASM_LD_19, LinkHarness.ourLinker().toString())) {
      Path output = DIRECTORY.resolve("relinked-by-" + Path.of(linker).getFileName() + ".wasm");
      LinkHarness.Link link = LinkHarness.link(linker, LinkHarness.linkArguments(objects, List.of(), output), output);
      assertTrue(link.clean(), link::describe);
      LinkHarness.Execution run = LinkHarness.run(output, List.of());
      assertEquals(0, run.status(), run::stderr);
      assertEquals(Files.readString(SOURCES.resolve("expected-stdout.txt")), run.stdout(),
          linker + " linking our -r output: setup did not run");
    }
  }

  @Test
  void undefinedConstructorIsReportedLikeAnUndefinedCall() {
    Path output = DIRECTORY.resolve("undefined.wasm");
    List<Path> objects = new ArrayList<>(List.of(needsSetup));
    objects.add(program.get(1));
    LinkHarness.Link link = LinkHarness.link(LinkHarness.ourLinker().toString(),
        LinkHarness.linkArguments(objects, List.of(), output), output);
    assertEquals(1, link.exitCode(), link::describe);
    assertTrue(link.stderr().contains("wasm-ld: error: " + needsSetup + ": undefined symbol: setup"),
        link::describe);
    assertFalse(Files.exists(output));
  }
}
