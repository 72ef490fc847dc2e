package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A program that calls a function with another signature than its definition's ({@code programs/sigmismatch}:
 * misuse.c declares {@code double scale(double)}, scale.c defines {@code int scale(int)}). wasm-ld warns and sends
 * everything misuse.c does with {@code scale} to a stub that traps, whose address is the null pointer; a relocatable
 * link ({@code -r}) keeps that stub as misuse.c's local function. Not in the manifest: its links warn, and the
 * differential tests want clean ones.
 */
class SignatureMismatchTest {
  private static final ProgramManifest.Program PROGRAM = ProgramManifest.parse(
      "sigmismatch | sigmismatch/main.c sigmismatch/misuse.c sigmismatch/scale.c | | | | 0", "SignatureMismatchTest");
  private static final String WASM_LD_19 = Tools.require("wasm-ld-19", "lld-19").toString();

  @Test
  void mismatchedReferencesReachTheStub() throws IOException {
    LinkHarness.Build build = LinkHarness.build(PROGRAM);
    LinkHarness.Link link = LinkHarness.linkOurs(build);
    assertEquals(0, link.exitCode(), link::describe);
    assertTrue(link.stderr().contains("warning: function signature mismatch: scale"), link::describe);
    LinkHarness.Execution run = LinkHarness.run(build.ours(), List.of());
    assertEquals(Files.readString(PROGRAM.expectedStdout()), run.stdout(),
        "misuse.c's pointer to scale is the stub's, the null pointer, as wasm-ld-19 makes it");
    assertTraps(LinkHarness.run(build.ours(), List.of("call-the-stub")));
  }

  /** Our -r output is wasm-ld-19's, and linked again by either linker runs as wasm-ld-19's linked by wasm-ld-19. */
  @Test
  void relocatableOutputKeepsTheStub() throws IOException {
    LinkHarness.Build build = LinkHarness.build(PROGRAM);
    Path reference = combine(build, WASM_LD_19, "reference");
    Path ours = combine(build, LinkHarness.ourLinker().toString(), "ours");
    assertEquals(RelocatableLinkTest.yaml(reference), RelocatableLinkTest.yaml(ours),
        "obj2yaml-19 of the -r outputs differs (segment flags aside)");
    LinkHarness.Execution expected = LinkHarness.run(relink(build, reference, WASM_LD_19, "reference"), List.of());
    assertEquals(0, expected.status(), expected::stderr);
    for (String linker : List.of(WASM_LD_19, LinkHarness.ourLinker().toString())) {
      Path program = relink(build, ours, linker, "ours-by-" + Path.of(linker).getFileName());
      LinkHarness.Execution run = LinkHarness.run(program, List.of());
      assertEquals(expected.status(), run.status(), () -> linker + ": " + run.stderr());
      assertEquals(expected.stdout(), run.stdout(), linker + " linking our -r output");
      // The mismatched call still reaches the stub.
      assertTraps(LinkHarness.run(program, List.of("call-the-stub")));
    }
  }

  private static void assertTraps(LinkHarness.Execution run) {
    assertNotEquals(0, run.status(), "the call with the wrong signature returned");
    assertTrue(run.stderr().contains("unreachable"), () -> "no trap in the stub: " + run.stderr());
  }

  private static Path combine(LinkHarness.Build build, String linker, String which) throws IOException {
    Path output = Files.createDirectories(build.directory().resolve("relocatable-" + which)).resolve("combined.o");
    List<String> arguments = new ArrayList<>(List.of("-r"));
    build.objects().forEach(object -> arguments.add(object.toString()));
    arguments.addAll(List.of("-o", output.toString()));
    LinkHarness.Link link = LinkHarness.link(linker, arguments, output);
    assertEquals(0, link.exitCode(), link::describe);
    assertTrue(link.stderr().contains("warning: function signature mismatch: scale"), link::describe);
    return output;
  }

  private static Path relink(LinkHarness.Build build, Path combined, String linker, String name) {
    Path output = build.directory().resolve("relinked-" + name + ".wasm");
    LinkHarness.Link link = LinkHarness.link(linker, LinkHarness.linkArguments(List.of(combined), List.of(), output),
        output);
    assertTrue(link.clean(), link::describe);
    return output;
  }
}
