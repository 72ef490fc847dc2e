package dev.wasmlink.linker.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archives written by the real llvm-ar from wasm objects compiled by clang, in both formats, so the reader is checked
 * against the layout a toolchain actually produces (NUL-padded BSD names, padded GNU long-name tables) and not only
 * against this project's own idea of it. The tools are required: a missing tool fails the test, naming the Debian
 * package that provides it, rather than letting the check pass without having run.
 */
class ArchiveReaderLlvmArTest {
  private static final Path LLVM_AR = Path.of("/usr/bin/llvm-ar-19");
  private static final Path CLANG = Path.of("/usr/bin/clang-19");

  private static final String FIRST_OBJECT = "first_object_with_a_rather_long_name.o";
  private static final String SECOND_OBJECT = "second_object_with_a_rather_long_name.o";
  private static final String TEXT_FILE = "notes_that_are_not_an_object.txt";

  @TempDir static Path directory;

  @BeforeAll
  static void compileObjects() throws Exception {
    requireTool(CLANG, "clang-19");
    requireTool(LLVM_AR, "llvm-19");
    Files.writeString(directory.resolve("first.c"), "int some_function_with_a_long_name(void){return 1;}\n");
    Files.writeString(
        directory.resolve("second.c"),
        "int some_function_with_a_long_name(void);\n"
            + "int another_function(void){return some_function_with_a_long_name()+1;}\n"
            + "int a_data_symbol = 7;\n");
    run(CLANG.toString(), "--target=wasm32", "-c", "first.c", "-o", FIRST_OBJECT);
    run(CLANG.toString(), "--target=wasm32", "-c", "second.c", "-o", SECOND_OBJECT);
    // An odd-sized member that llvm-ar does not index, to see padding and a non-object member in a real archive.
    Files.writeString(directory.resolve(TEXT_FILE), "odd");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "bsd"})
  void readsMembersAndSymbolIndexWrittenByLlvmAr(String format) throws Exception {
    String archiveName = "lib" + format + ".a";
    Files.deleteIfExists(directory.resolve(archiveName));
    run(LLVM_AR.toString(), "rcs", "--format=" + format, archiveName, FIRST_OBJECT, TEXT_FILE, SECOND_OBJECT);
    byte[] bytes = Files.readAllBytes(directory.resolve(archiveName));

    Archive archive = ArchiveReader.read(bytes, archiveName);

    assertEquals(
        List.of(FIRST_OBJECT, TEXT_FILE, SECOND_OBJECT),
        archive.members().stream().map(ArchiveMember::name).toList());
    for (ArchiveMember member : archive.members()) {
      assertArrayEquals(
          Files.readAllBytes(directory.resolve(member.name())), member.data().toByteArray(), member.name());
    }
    assertTrue(archive.hasSymbolIndex(), format + " archive should have a symbol index");
    SymbolIndex index = archive.symbolIndex();
    int first = archive.members().get(0).headerOffset();
    int second = archive.members().get(2).headerOffset();
    assertEquals(OptionalInt.of(first), index.memberOffsetFor("some_function_with_a_long_name"), index.toString());
    assertEquals(OptionalInt.of(second), index.memberOffsetFor("another_function"), index.toString());
    assertEquals(OptionalInt.of(second), index.memberOffsetFor("a_data_symbol"), index.toString());
    // An undefined reference is not a definition: it must not be listed for the member that only uses it.
    assertEquals(
        List.of("some_function_with_a_long_name", "another_function", "a_data_symbol"),
        index.symbols().stream().filter(symbol -> !symbol.startsWith("__")).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "bsd"})
  void readsArchiveWithoutSymbolIndex(String format) throws Exception {
    String archiveName = "libnoindex-" + format + ".a";
    Files.deleteIfExists(directory.resolve(archiveName));
    run(LLVM_AR.toString(), "rcS", "--format=" + format, archiveName, TEXT_FILE, FIRST_OBJECT);

    Archive archive = ArchiveReader.read(Files.readAllBytes(directory.resolve(archiveName)), archiveName);

    assertEquals(List.of(TEXT_FILE, FIRST_OBJECT), archive.members().stream().map(ArchiveMember::name).toList());
    assertEquals("odd", archive.members().get(0).data().asUtf8());
    assertTrue(archive.symbolIndex().isEmpty());
  }

  private static void requireTool(Path tool, String debianPackage) {
    if (!Files.isExecutable(tool)) {
      fail(tool + " is missing: install the Debian package " + debianPackage + " (apt-get install " + debianPackage
          + ") to run the archive reader's llvm-ar checks");
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    // Output is drained before waiting so a chatty tool cannot block on a full pipe; it ends when the tool exits.
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 60 s");
    }
    assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + output);
  }
}
