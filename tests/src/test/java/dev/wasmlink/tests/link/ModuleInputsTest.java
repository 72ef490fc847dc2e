package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs that are wasm modules but not objects, and symbols the loader provides to a static link. A shared library
 * links as what it provides (the agreement cases and {@link PositionIndependentRunTest} show how), and
 * {@code --unresolved-symbols=import-dynamic} leaves undefined symbols to the loader; where that cannot work, or the
 * module is no object at all, the link stops with a {@code wasm-ld: error:} line, exit status 1 and no output file.
 */
class ModuleInputsTest {
  private static final Path SOURCES = LinkHarness.ROOT.resolve("tests/src/test/resources/agreement");
  private static final Path DIRECTORY = LinkHarness.ROOT.resolve("tests/target/module-inputs");

  /**
   * A static module cannot hold the address of a shared library's data: it is only known once loaded, and nothing
   * in a static module stores it then. wasm-ld 19 writes 0 there; wasmlink refuses.
   */
  @Test
  void aStaticLinkRefusesAddressesOfASharedLibrarysData() throws IOException {
    Path directory = Files.createDirectories(DIRECTORY);
    Path library = sharedLibrary(directory, "library.so");
    Path object = compile(directory, "pic_uses_library.c");
    assertRefused(directory, object + ": relocation R_WASM_MEMORY_ADDR_I32 cannot be used against symbol `counter`"
        + " of shared library library.so in a static link: its address is only known when loaded; link with -pie",
        "--no-entry", "--export=run", "--export=where", object.toString(), library.toString());
  }

  /**
   * With {@code --unresolved-symbols=import-dynamic}, data nothing defines is the loader's: code reads it through a
   * {@code GOT.mem} import (before, an internal entry held 0, a wrong program), and a pointer to it in data, which
   * only the loader could store, is refused.
   */
  @Test
  void importDynamicLeavesUndefinedDataToTheLoader() throws IOException {
    Path directory = Files.createDirectories(DIRECTORY);
    Path object = compile(directory, "pic_imports.c");
    Path output = directory.resolve("import-dynamic.wasm");
    Files.deleteIfExists(output);
    run(LinkHarness.ourLinker().toString(), "--unresolved-symbols=import-dynamic", "--no-entry", "--export=get",
        object.toString(), "-o", output.toString()).assertStatus(0);
    String details = run(Tools.require("wasm-objdump", "wabt").toString(), "-x", output.toString()).result().stdout();
    assertTrue(details.contains("<- GOT.mem.undefined_data"), details);
    assertFalse(details.contains("GOT.data.internal.undefined_data"), details);

    assertRefused(directory, object + ": relocation R_WASM_MEMORY_ADDR_I32 cannot be used against symbol"
        + " `undefined_data`, which --unresolved-symbols=import-dynamic leaves to the loader, in a static link: its"
        + " address is only known when loaded; link with -pie",
        "--unresolved-symbols=import-dynamic", "--no-entry", "--export=get", "--export=pointers", object.toString());
  }

  /** {@code wasmlink dump} tells a shared library and a stub library for what they are. */
  @Test
  void dumpNamesSharedAndStubLibraries() throws IOException {
    Path directory = Files.createDirectories(DIRECTORY);
    Path library = sharedLibrary(directory, "dumped.so");
    Path wasmlink = LinkHarness.ROOT.resolve("bin/wasmlink");
    String dump = run(wasmlink.toString(), "dump", library.toString()).result().stdout();
    assertTrue(dump.startsWith(library + ": position-independent wasm module (dylink.0)"), dump);
    Path stub = SOURCES.resolve("stub_library.stub");
    assertEquals(stub + ": stub library, 2 symbols\n  libfn needs helper, archived_helper\n"
        + "  unused_fn needs nothing_defines_this\n\n", run(wasmlink.toString(), "dump", stub.toString()).result()
        .stdout());
  }

  /** A file that is only the wasm header is a valid empty module, not an object: refused in wasm-ld's words. */
  @Test
  void aModuleWithoutALinkingSectionIsNotAnObject() throws IOException {
    Path directory = Files.createDirectories(DIRECTORY);
    Path empty = directory.resolve("cut8.o");
    Files.write(empty, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    assertRefused(directory, empty + ": not a relocatable wasm file", "--no-entry", empty.toString());
  }

  /** A shared library inside an archive is not read as one (nor by wasm-ld, which takes only objects there). */
  @Test
  void aSharedLibraryInsideAnArchiveIsRefused() throws IOException {
    Path directory = Files.createDirectories(DIRECTORY);
    Path library = sharedLibrary(directory, "member.so");
    Path archive = directory.resolve("libshared.a");
    Files.deleteIfExists(archive);
    run(Tools.require("llvm-ar-19", "llvm-19").toString(), "rc", archive.toString(), library.toString())
        .assertStatus(0);
    assertRefused(directory, archive + "(member.so): a shared library can only be linked as a file of its own, not"
        + " in an archive or between --start-lib and --end-lib", "--no-entry", "--whole-archive", archive.toString());
  }

  /**
   * Links with wasmlink and requires it to stop with exit status 1, the error line {@code wasm-ld: error: message}
   * (a warning may come before it), and no output file.
   */
  private static void assertRefused(Path directory, String message, String... arguments) throws IOException {
    Path output = directory.resolve("refused.wasm");
    Files.deleteIfExists(output);
    List<String> command = new ArrayList<>(List.of(LinkHarness.ourLinker().toString()));
    command.addAll(List.of(arguments));
    command.addAll(List.of("-o", output.toString()));
    Outcome link = run(command.toArray(String[]::new));
    link.assertStatus(1);
    List<String> errors = link.result().stderr().lines().filter(line -> line.startsWith("wasm-ld: error: ")).toList();
    assertEquals(List.of("wasm-ld: error: " + message), errors, link.result().stderr());
    assertFalse(Files.exists(output), "an output file was left");
  }

  private record Outcome(List<String> command, Tools.Result result) {
    void assertStatus(int status) {
      assertEquals(status, result.exitCode(), () -> String.join(" ", command) + "\n" + result.stderr());
    }
  }

  private static Outcome run(String... command) {
    return new Outcome(List.of(command), Tools.run(List.of(command), null, Map.of(), Duration.ofMinutes(1)));
  }

  /** pic_library.c linked by wasmlink into a shared library named {@code name}. */
  private static Path sharedLibrary(Path directory, String name) {
    Path library = directory.resolve(name);
    run(LinkHarness.ourLinker().toString(), "-shared", "--experimental-pic", "--allow-undefined",
        compile(directory, "pic_library.c").toString(), "-o", library.toString()).assertStatus(0);
    return library;
  }

  private static Path compile(Path directory, String source) {
    Path object = directory.resolve(source.replace(".c", ".o"));
    List<String> command = new ArrayList<>(List.of(Tools.require("clang-19", "clang-19").toString(),
        "--target=wasm32", "-O1", "-fPIC", "-fvisibility=default", "-c", SOURCES.resolve(source).toString(), "-o",
        object.toString()));
    run(command.toArray(String[]::new)).assertStatus(0);
    return object;
  }
}
