package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Link errors and warnings, as wasm-ld-19 words them. Each case is linked in its own directory under
 * {@code tests/target/link-errors/} with relative file names (so messages name {@code x.o}, as lld prints what it was
 * given), first by wasm-ld-19 called through a symlink named {@code wasm-ld} (lld prefixes its messages with its
 * program name, so it then prints {@code wasm-ld: error: ...}), and its stderr is recorded in
 * {@code reference.stderr}; then by our {@code bin/wasm-ld}.
 *
 * <p>Both must exit with the case's status, print as many {@code wasm-ld: error:} and {@code wasm-ld: warning:} lines
 * as wasm-ld-19 prints (one per problem; lld's {@code >>>} continuation lines are not counted), have the case's
 * headline in one of those lines and its other key phrases (such as both file names) anywhere on stderr, and leave no
 * output file behind after an error. After the warning the module must exist, validate and run like wasm-ld-19's.
 */
class LinkErrorTest {
  private static final Path ROOT = LinkHarness.ROOT.resolve("tests/target/link-errors");
  private static final String OUTPUT = "out.wasm";
  private static final String ERROR = "wasm-ld: error: ";
  private static final String WARNING = "wasm-ld: warning: ";

  /**
   * One case: sources under {@code programs/errors} (.c compiled like the programs, .s assembled by llvm-mc-19), the
   * link arguments, the exit status, the key phrases (the first is the headline of a diagnostic line), and how many
   * {@code wasm-ld: error:} (or, for status 0, {@code wasm-ld: warning:}) lines wasm-ld-19 prints: one per problem.
   */
  private record Case(String name, List<String> sources, List<String> arguments, int exitStatus,
      List<String> keyPhrases, int problems) {
    Path directory() {
      return ROOT.resolve(name);
    }
  }

  /** The link command clang-19 would run, with relative names, {@code extra} after the objects. */
  private static List<String> link(List<String> objects, String... extra) {
    return LinkHarness.linkArguments(objects.stream().map(Path::of).toList(), List.of(extra), Path.of(OUTPUT));
  }

  private static List<String> withFlagFirst(String flag, List<String> arguments) {
    List<String> result = new ArrayList<>(arguments);
    result.add(2, flag); // after -m wasm32
    return result;
  }

  private static final List<Case> CASES = List.of(
      new Case("undefined-symbol", List.of("undefined.c"), link(List.of("undefined.o")), 1,
          List.of("undefined.o: undefined symbol: missing_function"), 1),
      new Case("duplicate-symbol", List.of("duplicate_a.c", "duplicate_b.c"),
          link(List.of("duplicate_a.o", "duplicate_b.o")), 1,
          List.of("duplicate symbol: twice", "duplicate_a.o", "duplicate_b.o"), 1),
      new Case("signature-mismatch", List.of("mismatch_a.c", "mismatch_b.c"),
          link(List.of("mismatch_a.o", "mismatch_b.o")), 0,
          List.of("function signature mismatch: f", "mismatch_a.o", "mismatch_b.o"), 1),
      // A relocatable output has no trapping stubs: the call keeps the definition, with the same warning (found by
      // LinkFuzzTest, crash-0dbfa3e4...: wasmlink looked for the stub and failed with a NullPointerException).
      new Case("signature-mismatch-relocatable", List.of("mismatch_a.c", "mismatch_b.c"),
          link(List.of("mismatch_a.o", "mismatch_b.o"), "-r"), 0,
          List.of("function signature mismatch: f", "mismatch_a.o", "mismatch_b.o"), 1),
      // With --fatal-warnings the same warning is an error: exit status 1 and, above all, no output file.
      new Case("fatal-warnings", List.of("mismatch_a.c", "mismatch_b.c"),
          link(List.of("mismatch_a.o", "mismatch_b.o"), "--fatal-warnings"), 1,
          List.of("function signature mismatch: f", "mismatch_a.o", "mismatch_b.o"), 1),
      new Case("disallowed-feature", List.of("uses_sign_ext.c", "disallows_sign_ext.s"),
          link(List.of("uses_sign_ext.o", "disallows_sign_ext.o")), 1,
          List.of("Target feature 'sign-ext' used in uses_sign_ext.o is disallowed by disallows_sign_ext.o"), 1),
      new Case("shared-memory-disallowed", List.of("thread_local.c"),
          link(List.of("thread_local.o"), "--shared-memory"), 1,
          List.of("--shared-memory is disallowed by thread_local.o because it was not compiled with 'atomics' or"
              + " 'bulk-memory' features", "'atomics' feature must be used in order to use shared memory",
              "'bulk-memory' feature must be used in order to use shared memory"), 3),
      new Case("missing-input", List.of(), link(List.of("nothere.o")), 1,
          List.of("cannot open nothere.o: No such file or directory"), 1),
      new Case("unknown-argument", List.of("uses_sign_ext.c"),
          withFlagFirst("--bogus", link(List.of("uses_sign_ext.o"))), 1,
          List.of("unknown argument: --bogus"), 1));

  private record Outcome(int exitCode, String stdout, String stderr, List<String> leftovers) {
    long count(String prefix) {
      return stderr.lines().filter(line -> line.startsWith(prefix)).count();
    }

    String describe() {
      return "exit status " + exitCode + ", stderr:\n" + LinkHarness.indent(stderr)
          + (leftovers.isEmpty() ? "" : "files left behind: " + leftovers + "\n");
    }
  }

  private static final Map<String, Outcome> REFERENCE = new HashMap<>();

  @TestFactory
  Stream<DynamicContainer> errorsAreReportedAsWasmLd19ReportsThem() {
    return CASES.stream().map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(
        DynamicTest.dynamicTest("wasm-ld-19", () -> checkReference(c)),
        DynamicTest.dynamicTest("bin/wasm-ld", () -> checkOurs(c)))));
  }

  private static void checkReference(Case c) {
    Outcome reference = reference(c);
    String context = "\ncommand (in " + c.directory() + "): wasm-ld " + String.join(" ", c.arguments());
    check(c, reference, "wasm-ld-19", context);
    String counted = c.exitStatus() == 0 ? WARNING : ERROR;
    assertEquals(c.problems(), reference.count(counted), () -> "wasm-ld-19: number of '" + counted + "' lines\n"
        + reference.describe() + context);
    String other = c.exitStatus() == 0 ? ERROR : WARNING;
    assertEquals(0, reference.count(other), () -> "wasm-ld-19: '" + other + "' lines\n" + reference.describe()
        + context);
  }

  private static void checkOurs(Case c) {
    Outcome reference = reference(c);
    Outcome ours = link(c, LinkHarness.ourLinker().toString());
    String context = "command (in " + c.directory() + "): bin/wasm-ld " + String.join(" ", c.arguments())
        + "\nwasm-ld-19 printed (recorded in reference.stderr):\n" + LinkHarness.indent(reference.stderr());
    check(c, ours, "our wasm-ld", context);
    assertEquals(reference.count(ERROR), ours.count(ERROR), () -> "our wasm-ld: number of '" + ERROR
        + "' lines (one per problem)\n" + ours.describe() + context);
    assertEquals(reference.count(WARNING), ours.count(WARNING), () -> "our wasm-ld: number of '" + WARNING
        + "' lines (one per problem)\n" + ours.describe() + context);
    if (c.exitStatus() == 0) {
      Path module = c.directory().resolve(OUTPUT);
      Tools.Result validation = LinkHarness.validate(module);
      assertEquals(0, validation.exitCode(), () -> "wasm-validate rejects our " + OUTPUT + ": "
          + validation.stderr());
      LinkHarness.Execution actual = LinkHarness.run(module, List.of());
      LinkHarness.Execution expected = LinkHarness.run(c.directory().resolve("reference.wasm"), List.of());
      assertEquals(expected.status(), actual.status(), () -> "our module runs (or traps) like wasm-ld-19's;"
          + " wasm-ld-19's: " + expected.stderr() + ", ours: " + actual.stderr());
      assertEquals(expected.stdout(), actual.stdout());
    }
  }

  /**
   * What every linker must do for the case; {@code who} names the linker, {@code context} (the command and what
   * wasm-ld-19 printed) ends each failure message, after what {@code who} printed.
   */
  private static void check(Case c, Outcome outcome, String who, String context) {
    String printed = "\n" + who + " printed: " + outcome.describe() + context;
    assertEquals(c.exitStatus(), outcome.exitCode(), () -> who + ": exit status" + printed);
    String headline = c.keyPhrases().get(0);
    String prefix = c.exitStatus() == 0 ? WARNING : ERROR;
    assertTrue(outcome.stderr().lines().anyMatch(line -> line.startsWith(prefix) && line.contains(headline)),
        () -> who + ": no '" + prefix + "...' line says \"" + headline + "\"" + printed);
    for (String phrase : c.keyPhrases()) {
      assertTrue(outcome.stderr().contains(phrase), () -> who + ": stderr lacks \"" + phrase + "\"" + printed);
    }
    assertEquals("", outcome.stdout(), () -> who + ": something on stdout" + printed);
    if (c.exitStatus() != 0) {
      assertEquals(List.of(), outcome.leftovers(), () -> who + ": an output file was left behind" + printed);
    } else {
      assertEquals(List.of(OUTPUT), outcome.leftovers(), () -> who + ": the warning still writes " + OUTPUT
          + printed);
    }
  }

  private static synchronized Outcome reference(Case c) {
    Outcome cached = REFERENCE.get(c.name());
    if (cached != null) {
      return cached;
    }
    prepare(c);
    Path launcher = ROOT.resolve("bin/wasm-ld");
    try {
      Files.createDirectories(launcher.getParent());
      Files.deleteIfExists(launcher);
      Files.createSymbolicLink(launcher, Tools.require("wasm-ld-19", "lld-19"));
      Outcome reference = link(c, launcher.toString());
      Files.writeString(c.directory().resolve("reference.stderr"), reference.stderr());
      if (reference.leftovers().contains(OUTPUT)) {
        Files.move(c.directory().resolve(OUTPUT), c.directory().resolve("reference.wasm"));
      }
      REFERENCE.put(c.name(), reference);
      return reference;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles the case's sources into its fresh directory. */
  private static void prepare(Case c) {
    Path directory = c.directory();
    LinkHarness.deleteRecursively(directory);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String source : c.sources()) {
      Path path = LinkHarness.programsDirectory().resolve("errors").resolve(source);
      Path object = directory.resolve(source.substring(0, source.lastIndexOf('.')) + ".o");
      List<String> command = new ArrayList<>();
      if (source.endsWith(".s")) {
        command.addAll(List.of(Tools.require("llvm-mc-19", "llvm-19").toString(), "-triple=wasm32-unknown-wasi",
            "-filetype=obj"));
      } else {
        command.add(Tools.require("clang-19", "clang-19").toString());
        command.addAll(LinkHarness.COMPILE_FLAGS);
      }
      command.addAll(List.of(path.toString(), "-o", object.toString()));
      Tools.output(command);
    }
  }

  /** Runs a linker in the case's directory, after removing any earlier output. */
  private static Outcome link(Case c, String linker) {
    try {
      try (Stream<Path> files = Files.list(c.directory())) {
        for (Path file : files.filter(f -> f.getFileName().toString().startsWith(OUTPUT)).toList()) {
          Files.delete(file);
        }
      }
      List<String> command = new ArrayList<>(List.of(linker));
      command.addAll(c.arguments());
      Tools.Result result = Tools.run(command, c.directory(), Map.of(), Duration.ofMinutes(2));
      List<String> leftovers;
      try (Stream<Path> files = Files.list(c.directory())) {
        leftovers = files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith(OUTPUT)).sorted()
            .toList();
      }
      return new Outcome(result.exitCode(), result.stdout(), result.stderr(), leftovers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
