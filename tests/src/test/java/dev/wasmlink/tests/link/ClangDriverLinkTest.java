package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness.Execution;
import dev.wasmlink.tests.link.ProgramManifest.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * wasmlink as clang-19's linker: the {@code ctors} program compiled and linked in one driver command at {@code -O0},
 * once with the default linker (wasm-ld-19) and once with {@code -fuse-ld=<repo>/bin/wasm-ld}, must behave the same.
 *
 * <p>clang-19's WebAssembly toolchain ignores {@code --ld-path} (it warns "argument unused during compilation" and
 * runs wasm-ld-19 anyway), so the linker is chosen with {@code -fuse-ld=ABSOLUTE-PATH}, and the test first checks
 * with {@code -###} that the driver really calls our launcher. With {@code -O0} (any {@code -O}) and wasm-opt
 * installed, the driver also passes {@code --keep-section=target_features}, which our linker must therefore accept.
 */
class ClangDriverLinkTest {
  private static final String PROGRAM = "ctors";

  private static List<String> driverCommand(Program program, List<String> linkerChoice, Path output) {
    List<String> command = new ArrayList<>(List.of(Tools.require("clang-19", "clang-19").toString(),
        "--target=wasm32-wasi", "--sysroot=/usr", "-O0"));
    command.addAll(linkerChoice);
    program.sources().forEach(source -> source.paths().forEach(path ->
        command.add(LinkHarness.programsDirectory().resolve(path).toString())));
    command.addAll(List.of("-o", output.toString()));
    return command;
  }

  @Test
  void clangLinksThroughOurLauncherAsItDoesThroughWasmLd19() throws Exception {
    Program program = ProgramManifest.program(PROGRAM);
    assertTrue(program.sources().stream().noneMatch(ProgramManifest.Source::isArchive)
        && program.compileFlags().isEmpty() && program.linkFlags().isEmpty() && program.args().isEmpty(),
        "the driver test needs a program without extra flags or args");
    Path directory = LinkHarness.buildRoot().resolve("driver-" + PROGRAM);
    LinkHarness.deleteRecursively(directory);
    Files.createDirectories(directory);
    Path launcher = LinkHarness.ourLinker();
    List<String> useOurs = List.of("-fuse-ld=" + launcher);

    Path reference = directory.resolve("ref.wasm");
    Path ours = directory.resolve("ours.wasm");
    List<String> planned = new ArrayList<>(driverCommand(program, useOurs, ours));
    planned.add(1, "-###");
    List<String> linkJob = LinkHarness.driverJob(planned, "wasm-ld");
    assertEquals(launcher.toString(), linkJob.get(0), "clang-19 runs our launcher as its linker");
    assertEquals(Files.isExecutable(Path.of("/usr/bin/wasm-opt")), linkJob.contains("--keep-section=target_features"),
        "clang-19 -O0 passes --keep-section=target_features exactly when wasm-opt is installed");

    Tools.Result withDefault = Tools.run(driverCommand(program, List.of(), reference));
    assertTrue(withDefault.exitCode() == 0 && withDefault.stderr().isEmpty(),
        () -> "clang-19 with its default linker failed:\n" + withDefault.stderr());

    List<String> command = driverCommand(program, useOurs, ours);
    Tools.Result withOurs = Tools.run(command);
    assertTrue(withOurs.exitCode() == 0 && withOurs.stderr().isEmpty(),
        () -> "clang-19 -fuse-ld=bin/wasm-ld did not link " + PROGRAM + " cleanly (exit status "
            + withOurs.exitCode() + "); clang and our wasm-ld printed:\n" + LinkHarness.indent(withOurs.stderr())
            + "command: " + String.join(" ", command) + "\nlinker command: " + String.join(" ", linkJob));
    Tools.Result validation = LinkHarness.validate(ours);
    assertEquals(0, validation.exitCode(), () -> "wasm-validate rejects " + ours + ":\n" + validation.stderr());

    Execution expected = LinkHarness.run(reference, List.of());
    Execution actual = LinkHarness.run(ours, List.of());
    assertEquals(program.exitStatus(), expected.status(), expected.stderr());
    assertEquals(Files.readString(program.expectedStdout()), expected.stdout(), "the -O0 build prints the same");
    assertEquals(expected.stdout(), actual.stdout(), () -> "stdout; ours.wasm stderr: " + actual.stderr());
    assertEquals(expected.status(), actual.status(), () -> "exit status; ours.wasm stderr: " + actual.stderr());
  }
}
