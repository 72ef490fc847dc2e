package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wasmlink.tests.corpus.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What a link tells about itself on standard output ({@code --trace}, {@code -y}, {@code --print-gc-sections},
 * {@code --why-extract=-}) reads exactly as wasm-ld-19's for the same link: same files, same symbols, same order.
 */
class LinkReportsTest {
  private static final List<String> PROGRAMS = List.of("printf", "archive", "ctors", "weak");
  private static final List<List<String>> REPORTS = List.of(
      List.of("--trace"),
      List.of("-y", "errno", "-y", "printf", "-y", "main", "-y", "__stdout_FILE"),
      List.of("--print-gc-sections"),
      List.of("--why-extract=-"));

  @TestFactory
  Stream<DynamicTest> reportsReadAsWasmLd19s() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : PROGRAMS) {
      for (List<String> report : REPORTS) {
        tests.add(DynamicTest.dynamicTest(name + " " + String.join(" ", report), () -> {
          LinkHarness.Build build = LinkHarness.build(ProgramManifest.program(name));
          String reference = stdout(Tools.require("wasm-ld-19", "lld-19").toString(), build, report, "ref-report");
          String ours = stdout(LinkHarness.ourLinker().toString(), build, report, "ours-report");
          assertFalse(reference.isEmpty(), "wasm-ld-19 printed nothing for " + report);
          assertEquals(reference, ours);
        }));
      }
    }
    return tests.stream();
  }

  private static String stdout(String linker, LinkHarness.Build build, List<String> report, String outputName) {
    Path output = build.directory().resolve(outputName + ".wasm");
    List<String> flags = new ArrayList<>(build.program().linkFlags(build.directory()));
    flags.addAll(report);
    LinkHarness.Link link = LinkHarness.link(linker, LinkHarness.linkArguments(build.objects(), flags, output), output);
    assertEquals(0, link.exitCode(), link.describe());
    return link.stdout();
  }
}
