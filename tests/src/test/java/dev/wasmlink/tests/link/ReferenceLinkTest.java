package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness.Build;
import dev.wasmlink.tests.link.LinkHarness.Execution;
import dev.wasmlink.tests.link.LinkHarness.Link;
import dev.wasmlink.tests.link.ProgramManifest.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The harness and the programs themselves, with wasm-ld-19 alone: the harness links with exactly the command clang-19
 * runs, and every program linked by wasm-ld-19 validates, prints {@code NAME/expected-stdout.txt} (the same on every
 * run) and exits with the manifest's status. When these fail, the differential tests cannot be trusted.
 */
class ReferenceLinkTest {
  @TestFactory
  Stream<DynamicTest> everyProgramRunsAsExpectedWhenLinkedByWasmLd19() {
    return ProgramManifest.programs().stream().map(program -> DynamicTest.dynamicTest(program.name(),
        () -> check(program)));
  }

  private static void check(Program program) throws IOException {
    Build build = LinkHarness.build(program);
    Link reference = LinkHarness.linkReference(build);
    assertTrue(reference.clean(), reference::describe);
    Tools.Result validation = LinkHarness.validate(build.reference());
    assertEquals(0, validation.exitCode(), validation.stderr());

    Execution first = LinkHarness.run(build.reference(), program.args());
    Execution second = LinkHarness.run(build.reference(), program.args());
    assertEquals(program.exitStatus(), first.status(), () -> "exit status; stderr: " + first.stderr());
    assertEquals("", first.stderr());
    assertEquals(Files.readString(program.expectedStdout()), first.stdout(), "stdout vs " + program.expectedStdout());
    assertEquals(first, second, "the program's output is not deterministic");
  }

  @Test
  void harnessLinkCommandIsTheOneClangDriverRuns() {
    Build build = LinkHarness.build(ProgramManifest.program("handlers"));
    Path output = build.directory().resolve("a.wasm");
    List<String> expected = new ArrayList<>(List.of(LinkHarness.REFERENCE_LINKER, "-m", "wasm32",
        "-L/usr/lib/wasm32-wasi", "/usr/lib/wasm32-wasi/crt1-command.o"));
    build.objects().forEach(object -> expected.add(object.toString()));
    expected.addAll(List.of("-lc", "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a", "-o",
        output.toString()));
    assertEquals(expected, LinkHarness.clangLinkCommand(build.objects(), output));
    assertEquals(expected.subList(1, expected.size()), build.linkArguments(output));
  }

  @Test
  void unreferencedArchiveMemberStaysOut() {
    Build build = LinkHarness.build(ProgramManifest.program("archive"));
    Link reference = LinkHarness.linkReference(build);
    assertTrue(reference.clean(), reference::describe);
    String objdump = Tools.output(List.of(Tools.require("wasm-objdump", "wabt").toString(), "-x",
        build.reference().toString()));
    assertTrue(objdump.contains("<helper_describe>"), "helpers_text.o is linked");
    assertTrue(objdump.contains("<helper_add>"), "helpers_math.o is linked through helpers_text.o");
    assertFalse(objdump.contains("helper_unused"), "helpers_unused.o is not linked");
    String members = Tools.output(List.of(Tools.require("llvm-ar-19", "llvm-19").toString(), "t",
        build.directory().resolve("libhelpers.a").toString()));
    assertEquals(List.of("helpers_text.o", "helpers_math.o", "helpers_unused.o"), members.lines().toList());
  }
}
