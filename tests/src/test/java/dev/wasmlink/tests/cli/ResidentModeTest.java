package dev.wasmlink.tests.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident mode as a build meets it: with a daemon running, {@code bin/wasm-ld} prints what a one-shot link
 * prints, exits with its status and writes its bytes, in the client's directory with its relative paths, response
 * files and library directories; concurrent links agree; a daemon that hangs or dies mid-link, or belongs to another
 * build, leaves the user with the one-shot result; an interrupted client gets no output; only the user's own
 * directory is used; and the daemon leaves when asked, when idle, and when its jar is rebuilt.
 *
 * <p>Each test's daemon has a socket directory of its own ({@code WASMLINK_DAEMON_DIR}), so none meets a daemon the
 * developer may be running.
 */
class ResidentModeTest {
  private static final Duration LINK_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern PID = Pattern.compile("pid\\s+(\\d+)");
  private static final Pattern SERVED = Pattern.compile("links\\s+(\\d+) served");

  @TempDir static Path work;
  private static Path objects;
  private static Path sharedDaemon;

  @BeforeAll
  static void compileAndStart() throws IOException {
    Path clang = Tools.require("clang-19", "clang-19");
    Path ar = Tools.require("llvm-ar-19", "llvm-19");
    objects = Files.createDirectory(work.resolve("obj"));
    Files.writeString(objects.resolve("main.c"), """
        #include <stdio.h>
        int twice(int);
        int main(void) { printf("%d\\n", twice(21)); return 0; }
        """);
    Files.writeString(objects.resolve("twice.c"), "int twice(int x) { return 2 * x; }\n");
    Files.writeString(objects.resolve("undefined.c"), "int missing(void); int main(void) { return missing(); }\n");
    for (String name : List.of("main", "twice", "undefined")) {
      Tools.Result compiled = Tools.run(List.of(clang.toString(), "--target=wasm32-wasi", "--sysroot=/usr", "-O1",
          "-c", objects.resolve(name + ".c").toString(), "-o", objects.resolve(name + ".o").toString()));
      assertEquals(0, compiled.exitCode(), compiled.stderr());
    }
    Tools.Result archived = Tools.run(List.of(ar.toString(), "rc", objects.resolve("libtwice.a").toString(),
        objects.resolve("twice.o").toString()));
    assertEquals(0, archived.exitCode(), archived.stderr());
    sharedDaemon = socketDirectory("shared");
    start(LinkHarness.ROOT, sharedDaemon);
  }

  @AfterAll
  static void stopShared() {
    wasmlink(LinkHarness.ROOT, sharedDaemon, "daemon", "stop");
  }

  /**
   * Relative inputs, a relative {@code -L} directory, a response file, a map file and {@code --trace} (standard
   * output), a warning (standard error): the daemon links in the client's directory and answers as one-shot does.
   */
  @Test
  void linksAsTheOneShotLinkInTheClientsDirectory() throws IOException {
    long servedBefore = served(LinkHarness.ROOT, sharedDaemon);
    Link resident = linkInFreshDirectory("resident", sharedDaemon, true, "-o", "out.wasm", "@link.rsp",
        "-Map=out.map", "--trace", "-z", "unknown-keyword");
    Link oneShot = linkInFreshDirectory("one-shot", sharedDaemon, false, "-o", "out.wasm", "@link.rsp",
        "-Map=out.map", "--trace", "-z", "unknown-keyword");
    assertEquals(0, resident.result.exitCode(), resident.result.stderr());
    assertSameResult(oneShot, resident);
    assertTrue(resident.result.stdout().contains("../obj/main.o"), resident.result.stdout());
    assertTrue(resident.result.stderr().contains("warning: unknown -z value: unknown-keyword"),
        resident.result.stderr());
    assertArrayEquals(Files.readAllBytes(oneShot.directory.resolve("out.map")),
        Files.readAllBytes(resident.directory.resolve("out.map")));
    assertEquals(servedBefore + 1, served(LinkHarness.ROOT, sharedDaemon), "the daemon did not serve the link");
    LinkHarness.Execution run = LinkHarness.run(resident.directory.resolve("out.wasm"), List.of());
    assertEquals("42\n", run.stdout());
  }

  @Test
  void errorsAreTheOneShotErrors() throws IOException {
    Link resident = linkInFreshDirectory("resident-error", sharedDaemon, true, "-o", "out.wasm",
        "../obj/undefined.o", "missing-file.o");
    Link oneShot = linkInFreshDirectory("one-shot-error", sharedDaemon, false, "-o", "out.wasm",
        "../obj/undefined.o", "missing-file.o");
    assertEquals(1, resident.result.exitCode());
    assertSameResult(oneShot, resident);
    assertEquals(List.of("wasm-ld: error: cannot open missing-file.o: No such file or directory"),
        resident.result.stderr().lines().toList());
    Link undefined = linkInFreshDirectory("resident-undefined", sharedDaemon, true, "-o", "out.wasm",
        "--no-entry", "--export=main", "../obj/undefined.o");
    assertEquals(1, undefined.result.exitCode());
    assertTrue(undefined.result.stderr().contains("undefined symbol: missing"), undefined.result.stderr());
    assertFalse(Files.exists(undefined.directory.resolve("out.wasm")));
  }

  /** {@code -o -}: the module comes on the client's standard output, as one-shot. */
  @Test
  void standardOutputCarriesTheModule() throws IOException {
    byte[] oneShot = moduleOnStandardOutput("stdout-one-shot", false);
    assertArrayEquals(oneShot, moduleOnStandardOutput("stdout-resident", true));
    assertEquals("\0asm", new String(oneShot, 0, 4, StandardCharsets.ISO_8859_1));
  }

  private static byte[] moduleOnStandardOutput(String name, boolean resident) throws IOException {
    Path directory = prepareDirectory(name);
    List<String> command = List.of("bash", "-c", LinkHarness.ourLinker() + " -o - @link.rsp > module.bin");
    Tools.Result result = Tools.run(command, directory, environment(sharedDaemon, resident), LINK_TIMEOUT);
    assertEquals(0, result.exitCode(), result.stderr());
    return Files.readAllBytes(directory.resolve("module.bin"));
  }

  /** A parallel build: links at once, each in its own directory, all with the one-shot link's bytes. */
  @Test
  void concurrentLinksGiveTheOneShotBytes() throws Exception {
    byte[] expected = Files.readAllBytes(
        linkInFreshDirectory("concurrent-reference", sharedDaemon, false, "-o", "out.wasm", "@link.rsp")
            .directory.resolve("out.wasm"));
    ExecutorService builds = Executors.newFixedThreadPool(6);
    try {
      List<Future<Link>> links = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String name = "concurrent-" + i;
        links.add(builds.submit(() -> linkInFreshDirectory(name, sharedDaemon, true, "-o", "out.wasm", "@link.rsp")));
      }
      for (Future<Link> future : links) {
        Link link = future.get(5, TimeUnit.MINUTES);
        assertEquals(0, link.result.exitCode(), link.result.stderr());
        assertArrayEquals(expected, Files.readAllBytes(link.directory.resolve("out.wasm")), link.directory::toString);
      }
    } finally {
      builds.shutdownNow();
    }
  }

  @Test
  void statusTellsPidVersionUptimeAndLinksAndTheDirectoryIsTheUsersAlone() throws IOException {
    Tools.Result status = wasmlink(LinkHarness.ROOT, sharedDaemon, "daemon", "status");
    assertEquals(0, status.exitCode(), status.stderr());
    for (String field : List.of("pid", "version", "uptime", "links", "idle exit")) {
      assertTrue(status.stdout().contains(field), status.stdout());
    }
    assertTrue(isRunning(pidOf(status.stdout())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sharedDaemon)));
  }

  /** A directory others can enter may hold someone else's socket: neither the daemon nor the client uses it. */
  @Test
  void aDirectoryOpenToOthersIsRefused() throws IOException {
    Path open = socketDirectory("open");
    Files.createDirectories(open);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    Tools.Result start = wasmlink(LinkHarness.ROOT, open, "daemon", "start");
    assertEquals(1, start.exitCode(), start.stdout());
    assertTrue(start.stderr().contains("is open to other users"), start.stderr());
    Link link = linkInFreshDirectory("open-directory", open, true, "-o", "out.wasm", "@link.rsp");
    assertEquals(0, link.result.exitCode(), link.result.stderr());
  }

  /** A daemon stopped (SIGSTOP) answers nothing: after the client's timeout the link runs one-shot. */
  @Test
  void aHangingDaemonIsLeftForAOneShotLink() throws Exception {
    Path directory = socketDirectory("hanging");
    long pid = start(LinkHarness.ROOT, directory);
    try {
      signal("STOP", pid);
      Map<String, String> environment = new HashMap<>(environment(directory, true));
      environment.put("WASMLINK_DAEMON_TIMEOUT", "2");
      Link link = linkInFreshDirectory("hanging-link", environment, "-o", "out.wasm", "@link.rsp");
      assertEquals(0, link.result.exitCode(), link.result.stderr());
      assertEquals("", link.result.stderr());
      assertEquals("42\n", LinkHarness.run(link.directory.resolve("out.wasm"), List.of()).stdout());
    } finally {
      signal("KILL", pid);
    }
  }

  /** The daemon dies while a client waits: the client sees the end of the connection and links one-shot. */
  @Test
  void aDaemonKilledDuringALinkIsLeftForAOneShotLink() throws Exception {
    Path directory = socketDirectory("killed");
    long pid = start(LinkHarness.ROOT, directory);
    Path linkDirectory = prepareDirectory("killed-link");
    Instant started = Instant.now();
    Process client = clientOfStoppedDaemon(pid, directory, linkDirectory);
    signal("KILL", pid);
    assertTrue(client.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, client.exitValue(), new String(client.getErrorStream().readAllBytes()));
    assertTrue(Duration.between(started, Instant.now()).toSeconds() < 25,
        "the client waited for its timeout instead of seeing the daemon die");
    assertEquals("42\n", LinkHarness.run(linkDirectory.resolve("out.wasm"), List.of()).stdout());
  }

  /**
   * A client killed while the daemon links for it (a build interrupted with Ctrl-C) gets no output, as a one-shot
   * link killed by the same signal leaves none: a build tool must not find a fresh output it did not wait for.
   */
  @Test
  void anInterruptedClientGetsNoOutput() throws Exception {
    Path directory = socketDirectory("interrupted");
    long pid = start(LinkHarness.ROOT, directory);
    try {
      Path linkDirectory = prepareDirectory("interrupted-link");
      Process client = clientOfStoppedDaemon(pid, directory, linkDirectory);
      client.descendants().forEach(ProcessHandle::destroyForcibly);
      client.destroyForcibly();
      client.waitFor(1, TimeUnit.MINUTES);
      signal("CONT", pid);
      Instant deadline = Instant.now().plusSeconds(60);
      while (served(LinkHarness.ROOT, directory) == 0 && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertEquals(1, served(LinkHarness.ROOT, directory), "the daemon never ran the interrupted link");
      try (var files = Files.list(linkDirectory)) {
        assertEquals(List.of(linkDirectory.resolve("link.rsp")), files.toList());
      }
      Link after = linkInFreshDirectory("after-interruption", directory, true, "-o", "out.wasm", "@link.rsp");
      assertEquals(0, after.result.exitCode(), after.result.stderr());
      assertEquals(2, served(LinkHarness.ROOT, directory));
    } finally {
      signal("KILL", pid);
    }
  }

  /**
   * A rebuilt jar has another identity: the client does not reach the old daemon (the link is one-shot, with the new
   * build), and the old daemon, seeing its jar change, leaves. Run on a copy of the launchers and the jar, so that the
   * repository's own jar is not touched.
   */
  @Test
  void aDaemonOfAnotherBuildIsNeverUsedAndLeaves() throws Exception {
    Path copy = work.resolve("copy");
    for (String script : List.of("wasm-ld", "wasmlink", "launch-jvm", "resident-mode")) {
      Files.createDirectories(copy.resolve("bin"));
      Files.copy(LinkHarness.ROOT.resolve("bin").resolve(script), copy.resolve("bin").resolve(script),
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    Path jar = copy.resolve("runtime-linker/target/wasmlink.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(LinkHarness.ROOT.resolve("runtime-linker/target/wasmlink.jar"), jar);
    Path client = Path.of("runtime-linker/src/main/c/resident-client.c");
    Files.createDirectories(copy.resolve(client).getParent());
    Files.copy(LinkHarness.ROOT.resolve(client), copy.resolve(client));
    Path directory = socketDirectory("rebuilt");
    long pid = start(copy, directory);
    try {
      Map<String, String> environment = new HashMap<>(environment(directory, true));
      environment.put("WASMLINK_CDS", "0");
      Path linkDirectory = prepareDirectory("rebuilt-link");
      List<String> command = List.of(copy.resolve("bin/wasm-ld").toString(), "-o", "out.wasm", "@link.rsp");
      assertEquals(0, Tools.run(command, linkDirectory, environment, LINK_TIMEOUT).exitCode());
      assertEquals(1, served(copy, directory));
      Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
      Tools.Result afterRebuild = Tools.run(command, linkDirectory, environment, LINK_TIMEOUT);
      assertEquals(0, afterRebuild.exitCode(), afterRebuild.stderr());
      assertEquals("42\n", LinkHarness.run(linkDirectory.resolve("out.wasm"), List.of()).stdout());
      assertEquals(3, wasmlink(copy, directory, "daemon", "status").exitCode());
      assertTrue(awaitExit(pid, Duration.ofSeconds(30)), "the daemon of the old jar is still running");
      assertTrue(Files.readString(directory.resolve("daemon.log")).contains("has changed"));
    } finally {
      signal("KILL", pid);
    }
  }

  @Test
  void anIdleDaemonLeaves() throws Exception {
    Path directory = socketDirectory("idle");
    Tools.Result start = wasmlink(LinkHarness.ROOT, directory, "daemon", "start", "--idle-exit=2s");
    assertEquals(0, start.exitCode(), start.stderr());
    long pid = pidOf(start.stdout());
    assertTrue(start.stdout().contains("after 2s without a link"), start.stdout());
    assertTrue(awaitExit(pid, Duration.ofSeconds(30)), "the idle daemon is still running");
    assertEquals(3, wasmlink(LinkHarness.ROOT, directory, "daemon", "status").exitCode());
  }

  @Test
  void stopStopsIt() throws Exception {
    Path directory = socketDirectory("stopped");
    long pid = start(LinkHarness.ROOT, directory);
    Tools.Result stop = wasmlink(LinkHarness.ROOT, directory, "daemon", "stop");
    assertEquals(0, stop.exitCode(), stop.stderr());
    assertTrue(awaitExit(pid, Duration.ofSeconds(30)));
    Tools.Result status = wasmlink(LinkHarness.ROOT, directory, "daemon", "status");
    assertEquals(3, status.exitCode());
    assertTrue(status.stdout().startsWith("no wasmlink daemon is running"), status.stdout());
    Link link = linkInFreshDirectory("after-stop", directory, true, "-o", "out.wasm", "@link.rsp");
    assertEquals(0, link.result.exitCode(), link.result.stderr());
  }

  // ---- helpers ----

  private record Link(Path directory, Tools.Result result) {}

  /** A directory whose response file names the objects relatively, as a build's link step would. */
  private static Path prepareDirectory(String name) throws IOException {
    Path directory = Files.createDirectories(work.resolve(name));
    Files.writeString(directory.resolve("link.rsp"), "-m wasm32 -L/usr/lib/wasm32-wasi"
        + " /usr/lib/wasm32-wasi/crt1-command.o ../obj/main.o -L../obj -ltwice -lc\n");
    return directory;
  }

  private static Link linkInFreshDirectory(String name, Path socketDirectory, boolean resident, String... arguments)
      throws IOException {
    return linkInFreshDirectory(name, environment(socketDirectory, resident), arguments);
  }

  private static Link linkInFreshDirectory(String name, Map<String, String> environment, String... arguments)
      throws IOException {
    Path directory = prepareDirectory(name);
    List<String> command = new ArrayList<>(List.of(LinkHarness.ourLinker().toString()));
    command.addAll(List.of(arguments));
    return new Link(directory, Tools.run(command, directory, environment, LINK_TIMEOUT));
  }

  private static Process startLink(Path directory, Map<String, String> environment, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(LinkHarness.ourLinker().toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  /**
   * Stops the daemon (SIGSTOP), then starts a link in {@code linkDirectory} and gives its client a second to connect
   * and send its request: the kernel queues both while the daemon is stopped, so the link is in the daemon's hands
   * whatever happens to either side next.
   */
  private static Process clientOfStoppedDaemon(long pid, Path socketDirectory, Path linkDirectory)
      throws IOException, InterruptedException {
    signal("STOP", pid);
    Process client = startLink(linkDirectory, environment(socketDirectory, true), "-o", "out.wasm", "@link.rsp");
    Thread.sleep(1000);
    return client;
  }

  private static void assertSameResult(Link expected, Link actual) throws IOException {
    assertEquals(expected.result.exitCode(), actual.result.exitCode());
    assertEquals(expected.result.stdout(), actual.result.stdout());
    assertEquals(expected.result.stderr(), actual.result.stderr());
    Path expectedOutput = expected.directory.resolve("out.wasm");
    Path actualOutput = actual.directory.resolve("out.wasm");
    assertEquals(Files.exists(expectedOutput), Files.exists(actualOutput));
    if (Files.exists(expectedOutput)) {
      assertArrayEquals(Files.readAllBytes(expectedOutput), Files.readAllBytes(actualOutput));
    }
  }

  /** A socket directory of the test's own; short, since a socket's path has at most 107 bytes. */
  private static Path socketDirectory(String name) {
    return work.resolve("d-" + name);
  }

  private static Map<String, String> environment(Path socketDirectory, boolean resident) {
    return Map.of("WASMLINK_DAEMON_DIR", socketDirectory.toString(), "WASMLINK_DAEMON", resident ? "1" : "0");
  }

  private static Tools.Result wasmlink(Path repository, Path socketDirectory, String... arguments) {
    List<String> command = new ArrayList<>(List.of(repository.resolve("bin/wasmlink").toString()));
    command.addAll(List.of(arguments));
    return Tools.run(command, null, environment(socketDirectory, true), LINK_TIMEOUT);
  }

  /** Starts a daemon and returns its pid. */
  private static long start(Path repository, Path socketDirectory) {
    Tools.Result start = wasmlink(repository, socketDirectory, "daemon", "start");
    assertEquals(0, start.exitCode(), start.stdout() + start.stderr());
    return pidOf(start.stdout());
  }

  private static long pidOf(String status) {
    Matcher matcher = PID.matcher(status);
    assertTrue(matcher.find(), status);
    return Long.parseLong(matcher.group(1));
  }

  private static long served(Path repository, Path socketDirectory) {
    Tools.Result status = wasmlink(repository, socketDirectory, "daemon", "status");
    assertEquals(0, status.exitCode(), status.stdout() + status.stderr());
    Matcher matcher = SERVED.matcher(status.stdout());
    assertTrue(matcher.find(), status.stdout());
    return Long.parseLong(matcher.group(1));
  }

  private static void signal(String signal, long pid) {
    Tools.run(List.of("kill", "-" + signal, Long.toString(pid)));
  }

  private static boolean awaitExit(long pid, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (isRunning(pid)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /**
   * Whether the process runs: a daemon's parent is gone, and where process 1 does not reap orphans (some containers)
   * an exited daemon stays a zombie, which {@link ProcessHandle#isAlive} counts as alive.
   */
  private static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }
}
