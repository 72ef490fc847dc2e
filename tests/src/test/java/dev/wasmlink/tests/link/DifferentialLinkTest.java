package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness.Build;
import dev.wasmlink.tests.link.LinkHarness.Execution;
import dev.wasmlink.tests.link.LinkHarness.Link;
import dev.wasmlink.tests.link.ProgramManifest.Program;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * wasmlink against wasm-ld-19 on every program of {@code programs/manifest.txt}: the same objects and the same
 * arguments go to both linkers; wasmlink must link without a diagnostic, write a module {@code wasm-validate} accepts,
 * which prints what wasm-ld-19's module prints, exits with the same (expected) status, and has the same exports,
 * memory, tables, globals, {@code __stack_pointer} and element segment counts.
 */
class DifferentialLinkTest {
  @TestFactory
  Stream<DynamicTest> wasmlinkLinksLikeWasmLd19() {
    return ProgramManifest.programs().stream().map(program -> DynamicTest.dynamicTest(program.name(),
        () -> compare(program)));
  }

  private static void compare(Program program) {
    Build build = LinkHarness.build(program);
    Link reference = LinkHarness.linkReference(build);
    assertTrue(reference.clean(), () -> "wasm-ld-19 itself did not link " + program.name()
        + " cleanly; the harness or the program is broken:\n" + reference.describe());

    Link ours = LinkHarness.linkOurs(build);
    assertTrue(ours.clean(), () -> "our wasm-ld (bin/wasm-ld) did not link " + program.name()
        + " cleanly (expected exit status 0 and nothing on stderr):\n" + ours.describe());
    assertTrue(Files.isRegularFile(build.ours()), () -> "our wasm-ld exited 0 but wrote no " + build.ours());
    Tools.Result validation = LinkHarness.validate(build.ours());
    assertEquals(0, validation.exitCode(), () -> "wasm-validate rejects " + build.ours() + ":\n"
        + validation.stderr() + validation.stdout());

    Execution expected = LinkHarness.run(build.reference(), program.args());
    Execution actual = LinkHarness.run(build.ours(), program.args());
    ModuleSummary referenceSummary = LinkHarness.summarize(build.reference());
    ModuleSummary ourSummary = LinkHarness.summarize(build.ours());
    assertAll(program.name(),
        () -> assertEquals(program.exitStatus(), expected.status(), () -> "wasm-ld-19's module: stderr "
            + expected.stderr()),
        () -> assertEquals(expected.stdout(), actual.stdout(), () -> "stdout of ours.wasm differs from ref.wasm's"
            + " (ours.wasm stderr: " + actual.stderr() + ")"),
        () -> assertEquals(expected.status(), actual.status(), () -> "exit status of ours.wasm (stderr: "
            + actual.stderr() + ")"),
        () -> assertEquals(referenceSummary.structure(), ourSummary.structure(),
            "module structure (wasm-objdump -x) of ours.wasm differs from ref.wasm's"));
  }
}
