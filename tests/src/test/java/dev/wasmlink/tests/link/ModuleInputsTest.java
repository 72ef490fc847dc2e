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
    Path library = directory.resolve("library.so");
    run(LinkHarness.ourLinker().toString(), "-shared", "--experimental-pic", "--allow-undefined",
        compile(directory, "pic_library.c").toString(), "-o", library.toString()).assertStatus(0);
    Path output = directory.resolve("static.wasm");
    Files.deleteIfExists(output);
    Outcome link = run(LinkHarness.ourLinker().toString(), "--no-entry", "--export=run", "--export=where",
        compile(directory, "pic_uses_library.c").toString(), library.toString(), "-o", output.toString());
    link.assertOneError("pic_uses_library.o: relocation R_WASM_MEMORY_ADDR_I32 cannot be used against symbol"
        + " `counter` of shared library library.so in a static link: its address is only known when loaded; link"
        + " with -pie");
    assertFalse(Files.exists(output), "an output file was left");
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

    Path refused = directory.resolve("import-dynamic-pointers.wasm");
    Files.deleteIfExists(refused);
    Outcome link = run(LinkHarness.ourLinker().toString(), "--unresolved-symbols=import-dynamic", "--no-entry",
        "--export=get", "--export=pointers", object.toString(), "-o", refused.toString());
    link.assertStatus(1);
    assertTrue(link.result().stderr().contains("wasm-ld: error: " + object + ": relocation R_WASM_MEMORY_ADDR_I32"
        + " cannot be used against symbol `undefined_data`, which --unresolved-symbols=import-dynamic leaves to the"
        + " loader, in a static link"), link.result().stderr());
    assertFalse(Files.exists(refused), "an output file was left");
  }

  /** A file that is only the wasm header is a valid empty module, not an object: refused in wasm-ld's words. */
  @Test
  void aModuleWithoutALinkingSectionIsNotAnObject() throws IOException {
    Path directory = Files.createDirectories(DIRECTORY);
    Path empty = directory.resolve("cut8.o");
    Files.write(empty, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    Path output = directory.resolve("empty.wasm");
    Files.deleteIfExists(output);
    run(LinkHarness.ourLinker().toString(), "--no-entry", empty.toString(), "-o", output.toString())
        .assertOneError(empty + ": not a relocatable wasm file");
    assertFalse(Files.exists(output), "an output file was left");
  }

  /** A shared library inside an archive is not read as one (nor by wasm-ld, which takes only objects there). */
  @Test
  void aSharedLibraryInsideAnArchiveIsRefused() throws IOException {
    Path directory = Files.createDirectories(DIRECTORY);
    Path library = directory.resolve("member.so");
    run(LinkHarness.ourLinker().toString(), "-shared", "--experimental-pic", "--allow-undefined",
        compile(directory, "pic_library.c").toString(), "-o", library.toString()).assertStatus(0);
    Path archive = directory.resolve("libshared.a");
    Files.deleteIfExists(archive);
    run(Tools.require("llvm-ar-19", "llvm-19").toString(), "rc", archive.toString(), library.toString())
        .assertStatus(0);
    Path output = directory.resolve("from-archive.wasm");
    Files.deleteIfExists(output);
    run(LinkHarness.ourLinker().toString(), "--no-entry", "--whole-archive", archive.toString(), "-o",
        output.toString()).assertOneError(archive + "(member.so): a shared library can only be linked as a file of"
        + " its own, not in an archive or between --start-lib and --end-lib");
    assertFalse(Files.exists(output), "an output file was left");
  }

  private record Outcome(List<String> command, Tools.Result result) {
    void assertStatus(int status) {
      assertEquals(status, result.exitCode(), () -> String.join(" ", command) + "\n" + result.stderr());
    }

    void assertOneError(String message) {
      assertStatus(1);
      List<String> lines = result.stderr().lines().toList();
      assertEquals(1, lines.size(), result.stderr());
      assertTrue(lines.get(0).equals("wasm-ld: error: " + message) || lines.get(0).endsWith(message),
          () -> "expected ..." + message + "\nbut got " + lines.get(0));
    }
  }

  private static Outcome run(String... command) {
    return new Outcome(List.of(command), Tools.run(List.of(command), null, Map.of(), Duration.ofMinutes(1)));
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
