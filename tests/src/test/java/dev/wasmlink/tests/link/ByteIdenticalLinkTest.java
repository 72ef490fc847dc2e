package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For these programs wasmlink's output is wasm-ld-19's, byte for byte: code, data, memory layout, debug sections
 * (DWARF included, with wasm-ld's tombstones for dropped code and data), name section. The link map
 * ({@code --print-map}) is the same text too, C++ names demangled in the name section ({@code comdat}) and
 * {@code __main_argc_argv} named {@code main} ({@code argv}) as wasm-ld names them.
 */
class ByteIdenticalLinkTest {
  private static final List<String> PROGRAMS =
      List.of("printf", "qsort", "strings", "handlers", "ctors", "weak", "archive", "debug", "exit3", "argv",
          "comdat", "sections", "pic");

  /** Command-line flags that shape the module, each of which must shape it exactly as in wasm-ld-19. */
  private static final List<List<String>> FLAGS = List.of(
      List.of("--table-base=10"), List.of("--growable-table"), List.of("--import-table"),
      List.of("--import-memory"), List.of("--import-memory=mymod,mymem"), List.of("--export-memory=mem2"),
      List.of("--export-dynamic"), List.of("--stack-first"), List.of("--global-base=4096"),
      List.of("--initial-memory=262144"), List.of("--max-memory=1048576"), List.of("--export=__heap_base"),
      List.of("--export=__data_end", "--export=qsort"), List.of("--export-if-defined=nothere", "--export-table"),
      List.of("--strip-all"), List.of("--strip-debug"), List.of("-z", "stack-size=8192"),
      List.of("--export-all"), List.of("--no-gc-sections"), List.of("--no-gc-sections", "--export-all"),
      List.of("--export=__stack_low", "--export=__stack_high", "--export=__table_base"));

  @TestFactory
  Stream<DynamicTest> outputIsWasmLd19sByteForByte() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : PROGRAMS) {
      tests.add(DynamicTest.dynamicTest(name, () -> {
        LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
        // Same file name in two directories: wasm-ld names the module after its output file.
        Path reference = link(Tools.require("wasm-ld-19", "lld-19").toString(), build, "reference", List.of());
        Path ours = link(LinkHarness.ourLinker().toString(), build, "ours", List.of());
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(ours),
            "wasmlink's output differs from wasm-ld-19's; compare them with wasm-objdump -x or cmp -l");
      }));
    }
    for (List<String> flags : FLAGS) {
      tests.add(DynamicTest.dynamicTest("qsort " + String.join(" ", flags), () -> {
        LinkHarness.Build build = LinkHarness.build(ProgramManifest.program("qsort"));
        Path reference = link(Tools.require("wasm-ld-19", "lld-19").toString(), build, "reference", flags);
        Path ours = link(LinkHarness.ourLinker().toString(), build, "ours", flags);
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(ours),
            "with " + flags + ", wasmlink's output differs from wasm-ld-19's");
      }));
    }
    // Section boundaries asked for by name, as emcc asks for __start_em_asm: defined and exported when the segment
    // exists, whether or not code refers to them; nothing for a segment that does not exist.
    for (List<String> flags : List.of(List.of("--export-if-defined=__start_plugins", "--export=__stop_plugins"),
        List.of("--export-if-defined=__start_missing", "--export-all"))) {
      tests.add(DynamicTest.dynamicTest("sections " + String.join(" ", flags), () -> {
        LinkHarness.Build build = LinkHarness.build(ProgramManifest.program("sections"));
        Path reference = link(Tools.require("wasm-ld-19", "lld-19").toString(), build, "reference", flags);
        Path ours = link(LinkHarness.ourLinker().toString(), build, "ours", flags);
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(ours),
            "with " + flags + ", wasmlink's output differs from wasm-ld-19's");
      }));
    }
    for (String name : List.of("printf", "debug", "ctors")) {
      tests.add(DynamicTest.dynamicTest(name + " --print-map", () -> {
        LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
        String reference = map(Tools.require("wasm-ld-19", "lld-19").toString(), build, "reference");
        String ours = map(LinkHarness.ourLinker().toString(), build, "ours");
        assertEquals(reference, ours);
      }));
    }
    return tests.stream();
  }

  private static Path link(String linker, LinkHarness.Build build, String directory, List<String> extra)
      throws IOException {
    Path output = Files.createDirectories(build.directory().resolve(directory)).resolve("identical.wasm");
    List<String> flags = new ArrayList<>(build.program().linkFlags(build.directory()));
    flags.addAll(extra);
    LinkHarness.Link link = LinkHarness.link(linker, LinkHarness.linkArguments(build.objects(), flags, output), output);
    assertEquals(0, link.exitCode(), link.describe());
    return output;
  }

  private static String map(String linker, LinkHarness.Build build, String directory) throws IOException {
    Path output = Files.createDirectories(build.directory().resolve(directory)).resolve("mapped.wasm");
    List<String> flags = new ArrayList<>(build.program().linkFlags(build.directory()));
    flags.add("--print-map");
    LinkHarness.Link link = LinkHarness.link(linker, LinkHarness.linkArguments(build.objects(), flags, output), output);
    assertEquals(0, link.exitCode(), link.describe());
    return link.stdout();
  }
}
