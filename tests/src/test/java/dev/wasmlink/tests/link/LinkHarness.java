package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.ProgramManifest.Program;
import dev.wasmlink.tests.link.ProgramManifest.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds, links and runs the programs of {@code src/test/resources/programs}: each source is compiled once by clang-19
 * into {@code tests/target/programs/NAME/}, and the objects are linked with the command line clang-19 gives its linker,
 * once by wasm-ld-19 ({@code ref.wasm}) and once by wasmlink's launcher {@code bin/wasm-ld} ({@code ours.wasm}).
 * Modules run under node's WASI through {@code run-wasi.mjs}.
 */
public final class LinkHarness {
  /** The repository root: system property {@code wasmlink.root}, by default the parent of the working directory. */
  public static final Path ROOT = Path.of(System.getProperty("wasmlink.root", "..")).toAbsolutePath().normalize();

  public static final String REFERENCE_LINKER = "/usr/bin/wasm-ld-19";
  public static final String SYSROOT_LIBS = "/usr/lib/wasm32-wasi";
  public static final String CRT1 = SYSROOT_LIBS + "/crt1-command.o";
  public static final String BUILTINS = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a";
  /** How every source is compiled (before the program's own compile flags). */
  public static final List<String> COMPILE_FLAGS = List.of("--target=wasm32-wasi", "--sysroot=/usr", "-O1", "-c");
  /** The driver flags under which clang-19 is asked ({@code -###}) for its link command. */
  public static final List<String> DRIVER_FLAGS = List.of("--target=wasm32-wasi", "--sysroot=/usr");

  private static final Map<String, Build> BUILDS = new HashMap<>();
  /** Clean wasm-ld-19 links into a program's {@code ref.wasm}, by program name. */
  private static final Map<String, Link> REFERENCE_LINKS = new HashMap<>();

  private LinkHarness() {}

  /** A compiled program: its build directory and its link inputs, in order. */
  public record Build(Program program, Path directory, List<Path> objects) {
    /** Where wasm-ld-19 writes the program. */
    public Path reference() {
      return directory.resolve("ref.wasm");
    }

    /** Where wasmlink writes the program. */
    public Path ours() {
      return directory.resolve("ours.wasm");
    }

    /** The linker arguments (after the linker itself) that write {@code output}. */
    public List<String> linkArguments(Path output) {
      return LinkHarness.linkArguments(objects, program.linkFlags(directory), output);
    }
  }

  /** One linker run. */
  public record Link(String linker, List<String> arguments, Path output, int exitCode, String stdout, String stderr) {
    /** Exit status 0 and nothing on stderr. */
    public boolean clean() {
      return exitCode == 0 && stderr.isEmpty();
    }

    /** The command, status and output, for failure messages. */
    public String describe() {
      return "command: " + linker + " " + String.join(" ", arguments) + "\nexit status: " + exitCode
          + "\nstderr:\n" + indent(stderr) + (stdout.isEmpty() ? "" : "stdout:\n" + indent(stdout));
    }
  }

  /** One run of a module under node's WASI. */
  public record Execution(int status, String stdout, String stderr) {}

  /** {@code tests/src/test/resources/programs}. */
  public static Path programsDirectory() {
    return ROOT.resolve("tests/src/test/resources/programs");
  }

  /** {@code tests/target/programs}. */
  public static Path buildRoot() {
    return ROOT.resolve("tests/target/programs");
  }

  /** wasmlink's launcher, {@code bin/wasm-ld}. */
  public static Path ourLinker() {
    Path launcher = ROOT.resolve("bin/wasm-ld");
    assertTrue(Files.isExecutable(launcher), "wasmlink's launcher is missing or not executable: " + launcher);
    return launcher;
  }

  /**
   * The arguments clang-19 passes to its linker for {@code OBJECTS -o OUTPUT}, with {@code extraFlags} after the
   * objects. With any {@code -O} option and wasm-opt installed, clang-19 also appends
   * {@code --keep-section=target_features}; the harness links like a link step without {@code -O}.
   */
  public static List<String> linkArguments(List<Path> objects, List<String> extraFlags, Path output) {
    List<String> arguments = new ArrayList<>(List.of("-m", "wasm32", "-L" + SYSROOT_LIBS, CRT1));
    objects.forEach(object -> arguments.add(object.toString()));
    arguments.addAll(extraFlags);
    arguments.addAll(List.of("-lc", BUILTINS, "-o", output.toString()));
    return arguments;
  }

  /** Compiles the program's sources (once per test run) into {@code tests/target/programs/NAME/}. */
  public static synchronized Build build(Program program) {
    Build cached = BUILDS.get(program.name());
    if (cached != null) {
      return cached;
    }
    Path directory = buildRoot().resolve(program.name());
    deleteRecursively(directory);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> objectNames = new HashSet<>();
    List<Path> inputs = new ArrayList<>();
    for (Source source : program.sources()) {
      List<Path> objects = new ArrayList<>();
      for (String path : source.paths()) {
        Path object = compile(program, path, directory);
        if (!objectNames.add(object.getFileName().toString())) {
          fail(program.name() + ": two sources compile to " + object.getFileName());
        }
        objects.add(object);
      }
      if (source.isArchive()) {
        Path archive = directory.resolve(source.archive());
        List<String> command = new ArrayList<>(List.of(Tools.require("llvm-ar-19", "llvm-19").toString(), "rcs",
            archive.toString()));
        objects.forEach(object -> command.add(object.toString()));
        Tools.output(command);
      } else {
        inputs.addAll(objects);
      }
    }
    Build build = new Build(program, directory, List.copyOf(inputs));
    BUILDS.put(program.name(), build);
    return build;
  }

  private static Path compile(Program program, String relativeSource, Path directory) {
    Path source = programsDirectory().resolve(relativeSource);
    assertTrue(Files.isRegularFile(source), program.name() + ": no source " + source);
    String fileName = source.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1);
    Path compiler = switch (extension) {
      case "c" -> Tools.require("clang-19", "clang-19");
      case "cpp", "cc", "cxx" -> Tools.require("clang++-19", "clang-19");
      default -> fail(program.name() + ": cannot compile " + relativeSource + " (sources are .c or .cpp)");
    };
    Path object = directory.resolve(fileName.substring(0, dot) + ".o");
    List<String> command = new ArrayList<>();
    command.add(compiler.toString());
    command.addAll(COMPILE_FLAGS);
    command.addAll(program.compileFlags());
    command.add(source.toString());
    command.add("-o");
    command.add(object.toString());
    Tools.output(command);
    return object;
  }

  /**
   * Links with wasm-ld-19 into {@code output}, after checking that clang-19's driver would give wasm-ld-19 exactly
   * the harness's arguments for these objects (without the program's extra link flags).
   */
  public static Link linkReference(Build build, Path output, List<String> extraFlags) {
    Path driverOutput = build.directory().resolve("driver.wasm");
    List<String> expected = new ArrayList<>();
    expected.add(REFERENCE_LINKER);
    expected.addAll(linkArguments(build.objects(), List.of(), driverOutput));
    assertEquals(expected, clangLinkCommand(build.objects(), driverOutput),
        "the harness's link command differs from the one clang-19 runs");
    List<String> flags = new ArrayList<>(build.program().linkFlags(build.directory()));
    flags.addAll(extraFlags);
    return link(Tools.require("wasm-ld-19", "lld-19").toString(), linkArguments(build.objects(), flags, output),
        output);
  }

  /**
   * Links the program with wasm-ld-19 into {@code ref.wasm}, once per test run once it links cleanly: the reference,
   * differential and summary tests all link the same program the same way, and only read {@code ref.wasm}.
   */
  public static synchronized Link linkReference(Build build) {
    Link cached = REFERENCE_LINKS.get(build.program().name());
    if (cached != null && cached.output().equals(build.reference())) {
      return cached;
    }
    Link link = linkReference(build, build.reference(), List.of());
    if (link.clean()) {
      REFERENCE_LINKS.put(build.program().name(), link);
    }
    return link;
  }

  /** Links the program with wasmlink's {@code bin/wasm-ld} into {@code ours.wasm}. */
  public static Link linkOurs(Build build) {
    return link(ourLinker().toString(), build.linkArguments(build.ours()), build.ours());
  }

  /** Runs a linker after deleting any earlier output. */
  public static Link link(String linker, List<String> arguments, Path output) {
    try {
      Files.deleteIfExists(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    command.add(linker);
    command.addAll(arguments);
    Tools.Result result = Tools.run(command);
    return new Link(linker, List.copyOf(arguments), output, result.exitCode(), result.stdout(), result.stderr());
  }

  /**
   * The linker command clang-19's driver runs for {@code clang-19 --target=wasm32-wasi --sysroot=/usr OBJECTS -o
   * OUTPUT}, from {@code -###}.
   */
  public static List<String> clangLinkCommand(List<Path> objects, Path output) {
    List<String> command = new ArrayList<>();
    command.add(Tools.require("clang-19", "clang-19").toString());
    command.addAll(DRIVER_FLAGS);
    command.add("-###");
    objects.forEach(object -> command.add(object.toString()));
    command.add("-o");
    command.add(output.toString());
    return driverJob(command, "wasm-ld");
  }

  /** From a {@code clang -###} command, the one job whose program's file name contains {@code programName}. */
  public static List<String> driverJob(List<String> command, String programName) {
    Tools.Result result = Tools.run(command);
    assertEquals(0, result.exitCode(), () -> String.join(" ", command) + " failed:\n" + result.stderr());
    List<List<String>> jobs = result.stderr().lines()
        .filter(line -> line.startsWith(" \""))
        .map(LinkHarness::unquote)
        .filter(job -> Path.of(job.get(0)).getFileName().toString().contains(programName))
        .toList();
    assertEquals(1, jobs.size(), () -> "expected one " + programName + " job in:\n" + result.stderr());
    return jobs.get(0);
  }

  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static List<String> unquote(String line) {
    List<String> words = new ArrayList<>();
    Matcher matcher = QUOTED.matcher(line);
    while (matcher.find()) {
      words.add(matcher.group(1).replaceAll("\\\\(.)", "$1"));
    }
    return words;
  }

  /** Runs a module under node's WASI with {@code args} after argv[0]. */
  public static Execution run(Path module, List<String> args) {
    List<String> command = new ArrayList<>(List.of(Tools.require("node", "nodejs").toString(), "--no-warnings",
        programsDirectory().resolve("run-wasi.mjs").toString(), module.toString()));
    command.addAll(args);
    Tools.Result result = Tools.run(command);
    return new Execution(result.exitCode(), result.stdout(), result.stderr());
  }

  /** {@code wasm-validate MODULE}. */
  public static Tools.Result validate(Path module) {
    return Tools.run(List.of(Tools.require("wasm-validate", "wabt").toString(), module.toString()));
  }

  /** The structure of a linked module, from {@code wasm-objdump -x}. */
  public static ModuleSummary summarize(Path module) {
    return ModuleSummary.parse(Tools.output(List.of(Tools.require("wasm-objdump", "wabt").toString(), "-x",
        module.toString())));
  }

  static String indent(String text) {
    if (text.isEmpty()) {
      return "    (nothing)\n";
    }
    StringBuilder indented = new StringBuilder();
    text.lines().forEach(line -> indented.append("    ").append(line).append('\n'));
    return indented.toString();
  }

  /** Deletes {@code directory} and everything in it, if it exists. */
  public static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
