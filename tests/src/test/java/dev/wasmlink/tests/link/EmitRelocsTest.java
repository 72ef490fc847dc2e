package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.ObjectReader;
import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code --emit-relocs}: the final module keeps a {@code linking} section and {@code reloc.*} sections that describe
 * it. For each program: the module runs as the one linked without the flag; every code and data relocation it keeps
 * names a symbol whose index, slot or address is what the patched field holds ({@link EmittedRelocations});
 * {@code obj2yaml-19} reads it (wasm-ld 19's own output is unreadable once DWARF mentions collected code: it writes
 * symbol index -1 for those relocations, where wasmlink leaves them out); and with debug information stripped it is
 * the module wasm-ld-19 writes, segment flags aside (wasm-ld 19 drops them, wasmlink keeps them, as in {@code -r}).
 */
class EmitRelocsTest {
  /** Constructors, C++ comdats, DWARF, function pointers, weak symbols, merged strings, sections, PIC objects. */
  private static final List<String> PROGRAMS = List.of("printf", "ctors", "comdat", "debug", "handlers", "weak",
      "strings", "sections", "pic", "argv", "qsort");

  /**
   * Programs for which wasm-ld 19 writes a module no reader accepts, even without DWARF: it takes the address of a
   * weak function nothing defines, whose relocation wasm-ld writes against symbol index -1.
   */
  private static final Set<String> UNREADABLE_REFERENCE = Set.of("weak");

  /** R_WASM_FUNCTION_INDEX_LEB's code. */
  private static final int FUNCTION_INDEX_LEB = 0;

  private static final Pattern SEGMENT_FLAGS = Pattern.compile("(Alignment: +\\d+\\n +Flags: +)\\[[^\\]]*\\]");

  @TestFactory
  Stream<DynamicContainer> moduleKeepsRelocationsThatDescribeIt() {
    return PROGRAMS.stream().map(name -> DynamicContainer.dynamicContainer(name, Stream.of(
        DynamicTest.dynamicTest("runs as without --emit-relocs", () -> {
          LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
          Path output = link(build, LinkHarness.ourLinker().toString(), "ours", List.of());
          LinkHarness.Execution execution = LinkHarness.run(output, build.program().args());
          assertEquals(build.program().exitStatus(), execution.status(), execution::stderr);
          assertEquals(Files.readString(LinkHarness.programsDirectory().resolve(name).resolve("expected-stdout.txt")),
              execution.stdout());
        }),
        DynamicTest.dynamicTest("every relocation names what its field holds", () -> {
          LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
          Path output = link(build, LinkHarness.ourLinker().toString(), "ours", List.of());
          EmittedRelocations.Report report = EmittedRelocations.check(Files.readAllBytes(output), output.toString());
          assertEquals(List.of(), report.mismatches());
          assertTrue(report.checked() > 0, "no relocation was checked");
          Tools.Result yaml = Tools.run(List.of(Tools.require("obj2yaml-19", "llvm-19").toString(),
              output.toString()));
          assertEquals(0, yaml.exitCode(), () -> "obj2yaml-19 cannot read it: " + yaml.stderr());
        }),
        DynamicTest.dynamicTest("same module as wasm-ld-19's, debug information stripped", () -> {
          LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
          List<String> stripped = List.of("--strip-debug");
          Path reference = link(build, Tools.require("wasm-ld-19", "lld-19").toString(), "reference", stripped);
          Path ours = link(build, LinkHarness.ourLinker().toString(), "ours-stripped", stripped);
          if (UNREADABLE_REFERENCE.contains(name)) {
            Tools.Result yaml = Tools.run(List.of(Tools.require("obj2yaml-19", "llvm-19").toString(),
                reference.toString()));
            assertNotEquals(0, yaml.exitCode(), "wasm-ld-19's output became readable: compare it again");
            return;
          }
          assertEquals(yaml(reference), yaml(ours), "obj2yaml-19 of the outputs differs (segment flags aside)");
        }))));
  }

  @Test
  void aFieldThatDisagreesWithItsRelocationIsCaught() throws IOException {
    LinkHarness.Build build = LinkHarness.build(ProgramManifest.program("printf"));
    byte[] module = Files.readAllBytes(link(build, LinkHarness.ourLinker().toString(), "ours", List.of()));
    ObjectFile object = ObjectReader.read(ByteSlice.of(module), InputLocation.ofFile("out.wasm"));
    ObjectFile.Relocations code = object.relocations().stream()
        .filter(relocations -> relocations.header().name().equals("reloc.CODE")).findFirst().orElseThrow();
    RelocationEntry call = code.section().entries().stream()
        .filter(entry -> entry.type() == FUNCTION_INDEX_LEB).findFirst().orElseThrow();
    SectionHeader target = object.sections().get(code.section().targetSection());
    // The LEB's first byte holds the index's low 7 bits: flipping its lowest bit names another function.
    module[target.payload().start() + call.offset()] ^= 1;
    assertEquals(1, EmittedRelocations.check(module, "out.wasm").mismatches().size());
  }

  /** The program linked with {@code --emit-relocs} (and {@code extra}) into {@code emit-relocs-WHICH/out.wasm}. */
  private static Path link(LinkHarness.Build build, String linker, String which, List<String> extra)
      throws IOException {
    Path output = Files.createDirectories(build.directory().resolve("emit-relocs-" + which)).resolve("out.wasm");
    List<String> flags = new ArrayList<>(build.program().linkFlags(build.directory()));
    flags.add("--emit-relocs");
    flags.addAll(extra);
    LinkHarness.Link link = LinkHarness.link(linker, LinkHarness.linkArguments(build.objects(), flags, output),
        output);
    assertEquals(0, link.exitCode(), link.describe());
    return output;
  }

  /** {@code obj2yaml-19} of a module, with the segments' flags blanked. */
  private static String yaml(Path module) {
    String yaml = Tools.output(List.of(Tools.require("obj2yaml-19", "llvm-19").toString(), module.toString()));
    return SEGMENT_FLAGS.matcher(yaml).replaceAll("$1[ ]");
  }
}
