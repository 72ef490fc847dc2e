package dev.wasmlink.tests.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Corpus;
import dev.wasmlink.tests.corpus.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers people and compilers call: {@code bin/wasmlink} and {@code bin/wasm-ld} run the shaded jar from any
 * working directory and through symlinks, {@code WASMLINK_CLASSPATH} adds relocation catalogues, and a JDK 25 starts
 * from an AOT cache without a trace of it in the output.
 */
class LauncherTest {
  private static final Path ROOT = Path.of(System.getProperty("wasmlink.root", "..")).toAbsolutePath().normalize();

  @TempDir Path temp;

  private record Run(int status, String out, String err) {}

  /** Runs one-shot: a daemon the developer may be running must not answer for the launcher under test. */
  private Run run(Path workingDirectory, Map<String, String> environment, String... command) {
    Map<String, String> oneShot = new HashMap<>(environment);
    oneShot.put("WASMLINK_DAEMON", "0");
    Tools.Result result = Tools.run(List.of(command), workingDirectory, oneShot, Duration.ofMinutes(2));
    return new Run(result.exitCode(), result.stdout(), result.stderr());
  }

  @Test
  void wasmlinkDumpsFromAnotherDirectoryThroughASymlink() throws Exception {
    Path link = temp.resolve("wasmlink");
    Files.createSymbolicLink(link, ROOT.resolve("bin/wasmlink"));
    Path object = Corpus.object("tls.o");
    Run run = run(temp, Map.of(), link.toString(), "dump", object.toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("R_WASM_MEMORY_ADDR_TLS_SLEB"), run.out());
    assertTrue(run.out().contains("flags=TLS"), run.out());
  }

  /**
   * The launcher follows symlinks itself, without readlink -f: through a chain of relative ones (as a tool folder
   * such as emcc's links its linker), run by a relative path from a directory where the links' targets, taken as
   * relative to it, name nothing.
   */
  @Test
  void wasmLdRunsThroughAChainOfRelativeSymlinks() throws Exception {
    Path tools = Files.createDirectories(temp.resolve("llvm/bin"));
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Path first = Files.createSymbolicLink(elsewhere.resolve("wasm-ld"), ROOT.resolve("bin/wasm-ld"));
    Files.createSymbolicLink(tools.resolve("wasm-ld-14"), tools.relativize(first));
    Run run = run(temp, Map.of(), "llvm/bin/wasm-ld-14", "--version");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("wasmlink "), run.out());
  }

  @Test
  void extraCatalogueJarsComeFromWasmlinkClasspath() throws Exception {
    Path extension = ROOT.resolve("tests/relocation-extension/target/relocation-extension-0.1.0-SNAPSHOT.jar");
    assertTrue(Files.isRegularFile(extension), "build the extension jar first: " + extension);
    Path wasmlink = ROOT.resolve("bin/wasmlink");

    Run without = run(temp, Map.of(), wasmlink.toString(), "relocs");
    assertEquals(0, without.status(), without.err());
    assertTrue(without.out().startsWith("28 relocation kinds"), without.out());
    assertFalse(without.out().contains("R_WASMLINK_TABLE_INDEX_ULEB"));

    Run with = run(temp, Map.of("WASMLINK_CLASSPATH", extension.toString()), wasmlink.toString(), "relocs");
    assertEquals(0, with.status(), with.err());
    assertTrue(with.out().startsWith("29 relocation kinds"), with.out());
    assertTrue(with.out().contains(" 200  R_WASMLINK_TABLE_INDEX_ULEB"), with.out());
  }

  /**
   * With a JDK 25, the first link after a build that succeeds records an AOT configuration and assembles the cache
   * from it, and later links start from the cache: either way the user sees only the linker's output, and the same
   * bytes. A link that fails is not learnt from (it ran a fraction of the linker, and such a cache slowed a hello
   * world from 240 to 370 ms). The recording run also trains what a C link does not reach (the C++ demangler).
   */
  @Test
  void aJdk25LinksThroughAnAotCacheLearntFromALinkThatSucceeded() throws Exception {
    Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    Assumptions.assumeTrue(Files.isExecutable(java25), "no Temurin 25 JDK here");
    Path cache = ROOT.resolve("runtime-linker/target/wasmlink.aot");
    Files.deleteIfExists(cache);
    Path wasmLd = ROOT.resolve("bin/wasm-ld");
    Map<String, String> environment = Map.of("WASMLINK_JAVA", java25.toString());
    String object = Corpus.object("data.o").toString();

    Run failed = run(temp, environment, wasmLd.toString(), "-o", "failed.wasm", object);
    assertEquals(new Run(1, "", "wasm-ld: error: entry symbol not defined (pass --no-entry to suppress): _start\n"),
        failed);
    assertFalse(Files.exists(cache), "a failed link leaves no AOT cache");

    Run first = run(temp, environment, wasmLd.toString(), "--no-entry", "--export-all", "--allow-undefined", "-o",
        "first.wasm", object);
    assertEquals(new Run(0, "", ""), first);
    assertTrue(Files.isRegularFile(cache), "the first link leaves an AOT cache");
    // data.o is C, and its link demangles nothing; the recording run's training put the demangler in the cache.
    Run contents = run(temp, Map.of(), java25.toString(), "-XX:AOTCache=" + cache, "-XX:+PrintSharedArchiveAndExit",
        "-cp", ROOT.resolve("runtime-linker/target/wasmlink.jar").toString());
    assertTrue(contents.out().contains(" dev.wasmlink.linker.names.Parser app_loader"), contents.out());
    Files.createDirectories(temp.resolve("again"));
    Run second = run(temp.resolve("again"), environment, wasmLd.toString(), "--no-entry", "--export-all",
        "--allow-undefined", "-o", "first.wasm", object);
    assertEquals(new Run(0, "", ""), second);
    assertArrayEquals(Files.readAllBytes(temp.resolve("first.wasm")),
        Files.readAllBytes(temp.resolve("again/first.wasm")));
  }

  @Test
  void wasmLdAnswersVersionAndReportsAFailedLinkInOneLineWithoutOutput() throws Exception {
    Path wasmLd = ROOT.resolve("bin/wasm-ld");
    Run version = run(temp, Map.of(), wasmLd.toString(), "--version");
    assertEquals(0, version.status(), version.err());
    assertTrue(version.out().startsWith("wasmlink "), version.out());

    // data.o calls nothing it does not define, but has no _start: the entry is missing.
    Run link = run(temp, Map.of(), wasmLd.toString(), "-o", "out.wasm", Corpus.object("data.o").toString());
    assertEquals(1, link.status());
    List<String> lines = link.err().lines().toList();
    assertEquals(1, lines.size(), link.err());
    assertEquals("wasm-ld: error: entry symbol not defined (pass --no-entry to suppress): _start", lines.get(0));
    assertFalse(Files.exists(temp.resolve("out.wasm")), "no output file is left behind");
  }
}
