package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Relocatable output ({@code -r}): a program's objects combined into one object, by wasmlink and by wasm-ld-19, must
 * be the same object (as {@code obj2yaml-19} shows it; segment flags aside, which wasm-ld 19 drops and wasmlink keeps:
 * a thread-local, retained or string segment stays one), and each combined object, linked into the program by either
 * linker, must run exactly as the program linked from its own objects.
 */
class RelocatableLinkTest {
  /**
   * Programs with constructors and priorities, C++ comdats (one whose segment has another's name), DWARF, function
   * pointers, weak symbols, an archive.
   */
  private static final List<String> PROGRAMS = List.of("printf", "ctors", "comdat", "samename", "debug", "handlers",
      "weak", "strings", "sections", "pic", "argv");

  @TestFactory
  Stream<DynamicContainer> relocatableOutputLinksAgain() {
    return PROGRAMS.stream().map(name -> DynamicContainer.dynamicContainer(name, Stream.of(
        DynamicTest.dynamicTest("same object as wasm-ld-19's", () -> {
          LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
          assertEquals(yaml(combine(build, "reference")), yaml(combine(build, "ours")),
              "obj2yaml-19 of the -r outputs differs (segment flags aside)");
        }),
        DynamicTest.dynamicTest("runs as the direct link, linked by either linker", () -> {
          LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
          Path combined = combine(build, "ours");
          for (String linker : List.of(Tools.require("wasm-ld-19", "lld-19").toString(),
              LinkHarness.ourLinker().toString())) {
            Path output = build.directory().resolve("relocatable-" + Path.of(linker).getFileName() + ".wasm");
            LinkHarness.Link link = LinkHarness.link(linker,
                LinkHarness.linkArguments(List.of(combined), build.program().linkFlags(build.directory()), output),
                output);
            assertEquals(0, link.exitCode(), link.describe());
            LinkHarness.Execution execution = LinkHarness.run(output, build.program().args());
            assertEquals(build.program().exitStatus(), execution.status(), () -> linker + ": " + execution.stderr());
            assertEquals(Files.readString(LinkHarness.programsDirectory().resolve(name).resolve(
                "expected-stdout.txt")), execution.stdout(), linker + " linking our -r output");
          }
        }))));
  }

  /** The program's objects through {@code -r}, by wasmlink ({@code ours}) or wasm-ld-19 ({@code reference}). */
  private static Path combine(LinkHarness.Build build, String which) throws IOException {
    String linker = which.equals("ours") ? LinkHarness.ourLinker().toString()
        : Tools.require("wasm-ld-19", "lld-19").toString();
    Path output = Files.createDirectories(build.directory().resolve("relocatable-" + which)).resolve("combined.o");
    List<String> arguments = new ArrayList<>(List.of("-r"));
    build.objects().forEach(object -> arguments.add(object.toString()));
    arguments.addAll(List.of("-o", output.toString()));
    LinkHarness.Link link = LinkHarness.link(linker, arguments, output);
    assertEquals(0, link.exitCode(), link.describe());
    return output;
  }

  private static final Pattern SEGMENT_FLAGS =
      Pattern.compile("(Alignment: +\\d+\\n +Flags: +)\\[[^\\]]*\\]");

  /** {@code obj2yaml-19} of an object, with the segments' flags blanked. */
  static String yaml(Path object) {
    String yaml = Tools.output(List.of(Tools.require("obj2yaml-19", "llvm-19").toString(), object.toString()));
    Matcher matcher = SEGMENT_FLAGS.matcher(yaml);
    return matcher.replaceAll("$1[ ]");
  }
}
