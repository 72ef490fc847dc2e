package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * emscripten's own test programs, which nobody here wrote: the CI-sized subset ({@code tests/emcc-parity/ci-subset.txt})
 * of the differential harness {@code tests/emcc-parity/emcc-parity}, in its four modes (eh, wasm exception handling,
 * for the C++ programs only). Each program is compiled once by emcc, linked by emcc's wasm-ld-14 and by wasmlink, and
 * both builds run under node; the two must exit alike and print the same. One dynamic test per program and mode: a failure shows the harness's first difference; a program the
 * harness could not count (its reference build failed, or printed differently from run to run) is skipped.
 */
class EmscriptenParityTest {
  private static final Path HARNESS = LinkHarness.ROOT.resolve("tests/emcc-parity");
  private static final List<String> MODES = List.of("O0", "O2", "pthread", "eh");
  /** Below this share of counted programs in a mode, the subset no longer tests what it was chosen for. */
  private static final double MINIMUM_COUNTED = 0.9;

  /** One line of the harness's results file. */
  private record Result(String mode, String program, String status, String reason, String detail) {
    static Result parse(String line) {
      String[] fields = line.split("\t", -1);
      assertEquals(5, fields.length, () -> "a malformed results line: " + line);
      return new Result(fields[0], fields[1], fields[2], fields[3], fields[4]);
    }
  }

  @TestFactory
  Stream<DynamicTest> emscriptensProgramsRunAsWithWasmLd14() throws IOException {
    Tools.require("emcc", "emscripten");
    Tools.require("node", "nodejs");
    Path results = Files.createDirectories(LinkHarness.ROOT.resolve("tests/target")).resolve("emcc-parity-ci.tsv");
    Files.deleteIfExists(results);
    Tools.Result run = Tools.run(List.of(HARNESS.resolve("emcc-parity").toString(), "--modes", String.join(",", MODES),
        "--subset", HARNESS.resolve("ci-subset.txt").toString(), "--results", results.toString()), null, Map.of(),
        Duration.ofMinutes(20));
    assertTrue(Files.isRegularFile(results), () -> "the harness wrote no results\n" + run.stdout() + run.stderr());
    List<Result> all = Files.readAllLines(results).stream().filter(line -> !line.isEmpty()).map(Result::parse).toList();
    for (String mode : MODES) {
      List<Result> ofMode = all.stream().filter(result -> result.mode().equals(mode)).toList();
      long counted = ofMode.stream().filter(result -> !result.status().equals("not counted")).count();
      assertTrue(!ofMode.isEmpty() && counted >= MINIMUM_COUNTED * ofMode.size(), () -> "only " + counted + " of "
          + ofMode.size() + " programs counted in mode " + mode + "\n" + run.stdout());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Result result : all) {
      tests.add(DynamicTest.dynamicTest(result.mode() + " " + result.program(), () -> {
        switch (result.status()) {
          case "pass" -> { }
          case "not counted" -> Assumptions.abort(result.reason() + ": " + result.detail());
          default -> fail(result.reason() + ": " + result.detail());
        }
      }));
    }
    return tests.stream();
  }
}
