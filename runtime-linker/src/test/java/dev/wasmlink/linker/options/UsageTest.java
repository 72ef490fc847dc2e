package dev.wasmlink.linker.options;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UsageTest {

  private final String text = Usage.text();
  private final List<String> lines = text.lines().toList();

  @Test
  void hasLldsShape() {
    assertTrue(lines.get(0).startsWith("OVERVIEW: "));
    assertEquals("", lines.get(1));
    assertEquals("USAGE: wasm-ld [options] file...", lines.get(2));
    assertEquals("", lines.get(3));
    assertEquals("OPTIONS:", lines.get(4));
    assertTrue(Usage.text("wasm-ld-19").contains("USAGE: wasm-ld-19 [options] file..."));
  }

  @Test
  void everyOptionHasOneDescriptionLineAtColumn26() {
    for (int i = 5; i < lines.size(); i++) {
      String line = lines.get(i);
      assertTrue(line.startsWith("  "), line);
      if (line.startsWith("  -")) {
        if (line.length() > 26 && line.charAt(25) == ' ' && line.charAt(26) != ' ') {
          continue;
        }
        String next = lines.get(++i);
        assertTrue(next.startsWith(" ".repeat(26)) && next.charAt(26) != ' ', next);
      }
    }
  }

  @Test
  void optionsAreInAlphabeticalOrder() {
    List<String> names = new ArrayList<>();
    for (String line : lines.subList(5, lines.size())) {
      if (line.startsWith("  -")) {
        names.add(line.trim().split("[ =<\\[]")[0].replaceFirst("^-+", "").toLowerCase(Locale.ROOT));
      }
    }
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names);
  }

  @Test
  void listsTheIssuesFlags() {
    for (String spelling : List.of("--allow-undefined ", "--allow-undefined-file=<file>", "--end-lib", "--entry <",
        "--export=<symbol>", "--export-all", "--export-dynamic", "--export-if-defined=", "--export-memory ",
        "--export-memory=<name>", "--export-table", "--features=<list>", "--fatal-warnings", "--gc-sections",
        "--global-base=", "--growable-table", "--help", "--import-memory ", "--import-memory=<module>,<name>",
        "--import-table", "--import-undefined", "--initial-memory=", "--keep-section=", "-L <dir>", "-l <name>",
        "--Map=<file>", "--max-memory=", "--mllvm=", "-M ", "-m <target>", "--no-check-features", "--no-demangle",
        "--no-entry", "--no-gc-sections", "--no-stack-first", "--no-whole-archive", "-O <level>", "-o <path>",
        "--pie", "--print-gc-sections", "--print-map", "-r ", "--relocatable", "--rsp-quoting=[posix,windows]",
        "--shared ", "--shared-memory", "--stack-first", "--start-lib", "--strip-all", "--strip-debug", "-S ",
        "-s ", "--table-base=", "--threads=", "--trace ", "--trace-symbol=", "-u <symbol>", "--undefined=",
        "--unresolved-symbols=", "--verbose", "--version", "-v ", "--whole-archive", "--why-extract=", "-y <symbol>",
        "-z <keyword>", "--color-diagnostics", "--emit-relocs", "--demangle")) {
      assertTrue(text.contains("\n  " + spelling), spelling);
    }
  }

  @Test
  void everyDocumentedSpellingIsAccepted() {
    for (OptionTable.Spec spec : Usage.documented()) {
      List<String> args = switch (spec.kind()) {
        case FLAG -> spec.id() == OptionId.END_LIB
            ? List.of("--start-lib", spec.preferredSpelling())
            : List.of(spec.preferredSpelling());
        case JOINED, COMMA_JOINED -> List.of(spec.preferredSpelling() + sample(spec));
        case SEPARATE, JOINED_OR_SEPARATE -> List.of(spec.preferredSpelling(), sample(spec));
      };
      assertDoesNotThrow(() -> WasmLdCommandLine.parse(args), args.toString());
    }
  }

  private static String sample(OptionTable.Spec spec) {
    return switch (spec.id()) {
      case MACHINE -> "wasm32";
      case RSP_QUOTING -> "posix";
      case COLOR_DIAGNOSTICS_EQ -> "auto";
      case UNRESOLVED_SYMBOLS -> "report-all";
      case BUILD_ID_EQ -> "fast";
      case Z -> "stack-size=16";
      case ALLOW_UNDEFINED_FILE -> "/dev/null";
      default -> "1";
    };
  }
}
