package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wasmlink as Debian's rustc 1.63 linker ({@code rustc -C linker=<repo>/bin/wasm-ld}), against the linker that rustc
 * uses by default for its wasm targets: {@code rust-lld} ({@code /usr/bin/rust-lld}, from the rustc package, a link
 * to {@code lld-14} from the lld-14 package), run by rustc as {@code rust-lld -flavor wasm}.
 *
 * <p>wasm-ld-19 cannot be the reference here: rustc 1.63 passes {@code -flavor wasm} to every wasm linker (it infers
 * the lld flavor from the target, whatever the linker's name), which {@code wasm-ld-19} rejects ("unknown argument:
 * -flavor"), and wasm-ld-19 also rejects the {@code lib.rmeta} member of Debian's rlibs ("archive member 'lib.rmeta'
 * is neither Wasm object file nor LLVM bitcode"), where lld-14 and wasmlink skip it.
 *
 * <p>Two programs from {@code tests/src/test/resources/rust}, each at {@code -C opt-level=0} and {@code 2}:
 * {@code hello.rs} for wasm32-wasi, run under node's WASI ({@code programs/run-wasi.mjs}), which must print the same
 * and exit the same with both linkers; and {@code lib.rs}, a cdylib for wasm32-unknown-unknown, whose exports
 * {@code call-cdylib.mjs} calls. {@code outline.mjs} lists what each module imports, exports and carries as custom
 * sections, which must also agree, as must the output file's permissions.
 *
 * <p>Debian's {@code /usr/bin/rustc} is used explicitly: a rustup {@code rustc} earlier on PATH has no wasm std. A
 * missing rustc, wasm std or rust-lld fails the tests with the Debian package to install.
 */
class RustLinkTest {
  private static final Path RUSTC = Path.of("/usr/bin/rustc");
  private static final Path RUST_LLD = Path.of("/usr/bin/rust-lld");
  private static final String WASI = "wasm32-wasi";
  private static final String UNKNOWN = "wasm32-unknown-unknown";

  private static final Map<String, Build> BUILDS = new HashMap<>();

  /** One rustc run: its command, status and what it printed ({@code --print link-args} puts the link on stdout). */
  private record Build(Path output, List<String> command, Tools.Result result) {
    boolean clean() {
      return result.exitCode() == 0 && result.stderr().isEmpty() && Files.isRegularFile(output);
    }

    String describe() {
      return "command: " + String.join(" ", command) + "\nexit status: " + result.exitCode()
          + "\nrustc's stderr (with the linker's command and stderr when the link failed):\n"
          + LinkHarness.indent(result.stderr()) + "link command (--print link-args):\n"
          + LinkHarness.indent(result.stdout());
    }
  }

  /** {@code tests/src/test/resources/rust}. */
  private static Path sources() {
    return LinkHarness.ROOT.resolve("tests/src/test/resources/rust");
  }

  private static Path rustc() {
    if (!Files.isExecutable(RUSTC)) {
      fail("Debian's rustc is not installed (" + RUSTC + "); run bin/test-setup (apt-get install rustc "
          + "libstd-rust-dev-wasm32 lld-14)");
    }
    return RUSTC;
  }

  /** Fails naming libstd-rust-dev-wasm32 unless Debian's std for {@code target} is installed. */
  private static void requireStd(String target) {
    Path lib = Path.of("/usr/lib/rustlib", target, "lib");
    boolean present = false;
    if (Files.isDirectory(lib)) {
      try (Stream<Path> files = Files.list(lib)) {
        present = files.anyMatch(file -> file.getFileName().toString().matches("libstd-.*\\.rlib"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!present) {
      fail("Debian's Rust std for " + target + " is not installed (no " + lib + "/libstd-*.rlib); run "
          + "bin/test-setup (apt-get install libstd-rust-dev-wasm32)");
    }
  }

  private static Path referenceLinker() {
    if (!Files.isExecutable(RUST_LLD)) {
      fail("rustc's default wasm linker " + RUST_LLD + " is missing or dangling (it links to lld-14); run "
          + "bin/test-setup (apt-get install rustc lld-14)");
    }
    return RUST_LLD;
  }

  /** Builds {@code source} for {@code target} with {@code linker} (once per test run), into tests/target/rust. */
  private static synchronized Build build(String source, String target, String crateType, String optLevel,
      String name, Path linker) {
    String key = String.join("/", source, target, optLevel, name);
    Build cached = BUILDS.get(key);
    if (cached != null) {
      return cached;
    }
    Path rustc = rustc();
    requireStd(target);
    Path directory = LinkHarness.ROOT.resolve("tests/target/rust")
        .resolve(source.replace(".rs", "") + "-" + target + "-O" + optLevel);
    Path output = directory.resolve(name + ".wasm");
    try {
      Files.createDirectories(directory);
      Files.deleteIfExists(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of(rustc.toString(), "--target", target, "--crate-type", crateType,
        "-C", "opt-level=" + optLevel, "-C", "linker=" + linker, "--print", "link-args",
        sources().resolve(source).toString(), "-o", output.toString()));
    Build build = new Build(output, command, Tools.run(command));
    BUILDS.put(key, build);
    return build;
  }

  private static Build[] buildBoth(String source, String target, String crateType, String optLevel) {
    Build reference = build(source, target, crateType, optLevel, "ref", referenceLinker());
    assertTrue(reference.clean(), () -> "rustc with its default linker (rust-lld) failed:\n" + reference.describe());
    Build ours = build(source, target, crateType, optLevel, "ours", LinkHarness.ourLinker());
    assertTrue(ours.clean(), () -> "rustc -C linker=bin/wasm-ld did not link " + source + " for " + target
        + " cleanly:\n" + ours.describe());
    Tools.Result validation = LinkHarness.validate(ours.output());
    assertEquals(0, validation.exitCode(),
        () -> "wasm-validate rejects " + ours.output() + ":\n" + validation.stderr());
    return new Build[] {reference, ours};
  }

  private static Tools.Result node(String script, Path module) {
    return Tools.run(List.of(Tools.require("node", "nodejs").toString(), "--no-warnings", script, module.toString()));
  }

  private static String outline(Path module) {
    Tools.Result result = node(sources().resolve("outline.mjs").toString(), module);
    assertEquals(0, result.exitCode(), () -> "outline.mjs " + module + ":\n" + result.stderr());
    return result.stdout();
  }

  private static String permissions(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String indentLines(List<String> lines) {
    return LinkHarness.indent(lines.isEmpty() ? "" : String.join("\n", lines));
  }

  /** The imports, exports and custom sections, and the file's permissions, must be those rust-lld gives. */
  private static void assertSameOutline(Build reference, Build ours) {
    String expected = outline(reference.output());
    String actual = outline(ours.output());
    List<String> extra = new ArrayList<>(actual.lines().toList());
    extra.removeAll(expected.lines().toList());
    List<String> lacking = new ArrayList<>(expected.lines().toList());
    lacking.removeAll(actual.lines().toList());
    assertAll(
        () -> assertEquals(expected, actual, () -> "imports, exports and custom section names (outline.mjs) of "
            + ours.output() + " against " + reference.output() + "\nonly ours has:\n" + indentLines(extra)
            + "only rust-lld's has:\n" + indentLines(lacking)),
        () -> assertEquals(permissions(reference.output()), permissions(ours.output()),
            "permissions of the output file " + ours.output() + " against " + reference.output()));
  }

  @ParameterizedTest(name = "opt-level={0}")
  @ValueSource(strings = {"0", "2"})
  void wasiProgramRunsAsWithRustLld(String optLevel) {
    Build[] builds = buildBoth("hello.rs", WASI, "bin", optLevel);
    LinkHarness.Execution expected = LinkHarness.run(builds[0].output(), List.of());
    assertEquals(0, expected.status(), () -> "ref.wasm (rust-lld) exits 0; stderr:\n" + expected.stderr());
    assertTrue(expected.stdout().startsWith("hello from rust on wasm32-wasi\n"), expected.stdout());
    LinkHarness.Execution actual = LinkHarness.run(builds[1].output(), List.of());
    assertAll(
        () -> assertEquals(expected.stdout(), actual.stdout(), () -> "stdout; ours.wasm stderr: " + actual.stderr()),
        () -> assertEquals(expected.stderr(), actual.stderr(), "stderr"),
        () -> assertEquals(expected.status(), actual.status(), () -> "exit status; stderr: " + actual.stderr()));
  }

  @ParameterizedTest(name = "opt-level={0}")
  @ValueSource(strings = {"0", "2"})
  void wasiProgramHasRustLldsImportsExportsAndSections(String optLevel) {
    Build[] builds = buildBoth("hello.rs", WASI, "bin", optLevel);
    assertSameOutline(builds[0], builds[1]);
  }

  @ParameterizedTest(name = "opt-level={0}")
  @ValueSource(strings = {"0", "2"})
  void cdylibAnswersAsWithRustLld(String optLevel) {
    Build[] builds = buildBoth("lib.rs", UNKNOWN, "cdylib", optLevel);
    String script = sources().resolve("call-cdylib.mjs").toString();
    Tools.Result expected = node(script, builds[0].output());
    assertEquals(0, expected.exitCode(), () -> "call-cdylib.mjs on ref.wasm (rust-lld):\n" + expected.stderr());
    assertTrue(expected.stdout().contains("add(2, 3) = 5\n"), expected.stdout());
    Tools.Result actual = node(script, builds[1].output());
    assertAll(
        () -> assertEquals(expected.stdout(), actual.stdout(), () -> "results; stderr: " + actual.stderr()),
        () -> assertEquals(expected.exitCode(), actual.exitCode(), () -> "status; stderr: " + actual.stderr()));
  }

  @ParameterizedTest(name = "opt-level={0}")
  @ValueSource(strings = {"0", "2"})
  void cdylibHasRustLldsImportsExportsAndSections(String optLevel) {
    Build[] builds = buildBoth("lib.rs", UNKNOWN, "cdylib", optLevel);
    assertSameOutline(builds[0], builds[1]);
  }
}
