package dev.wasmlink.tests.relocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.cli.Main;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.tests.relocation.StandardKinds.Expected;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code wasmlink relocs} lists every kind the linker knows, from every catalogue on its class path: the 28 standard
 * kinds and, because the tests module has the relocation-extension jar on its class path, code 200.
 */
class RelocsCommandTest {
  /** A kind's line: the code (right-aligned), the name, the field, then the rest. */
  private static final Pattern KIND_LINE = Pattern.compile("^ *(\\d+) {2}(R_\\w+) +(\\w+) +(yes|no) +(\\w+) .*$");

  private static int status;
  private static String out;
  private static String err;

  @BeforeAll
  static void runRelocs() {
    StringWriter outText = new StringWriter();
    StringWriter errText = new StringWriter();
    try (PrintWriter outWriter = new PrintWriter(outText); PrintWriter errWriter = new PrintWriter(errText)) {
      status = Main.run(new String[] {"relocs"}, outWriter, errWriter);
    }
    out = outText.toString();
    err = errText.toString();
  }

  private static List<Expected> expectedKinds() {
    List<Expected> kinds = new ArrayList<>(StandardKinds.ALL);
    kinds.add(StandardKinds.EXTENSION);
    return kinds;
  }

  /** The lines that list a kind, in output order. */
  private static List<String> kindLines() {
    return out.lines().filter(line -> KIND_LINE.matcher(line).matches()).toList();
  }

  @Test
  void exitsZeroWithNothingOnStandardError() {
    assertEquals(0, status, err);
    assertEquals("", err);
  }

  @Test
  void saysHowManyKindsItLists() {
    assertTrue(out.startsWith("29 relocation kinds" + System.lineSeparator()), out);
  }

  @Test
  void listsEveryKindOnceInCodeOrderWithItsNameAndField() {
    List<String> lines = kindLines();
    List<Expected> expected = expectedKinds();
    assertEquals(expected.size(), lines.size(), out);
    for (int i = 0; i < expected.size(); i++) {
      Expected kind = expected.get(i);
      Matcher matcher = KIND_LINE.matcher(lines.get(i));
      assertTrue(matcher.matches());
      String line = lines.get(i);
      assertTrue(line.strip().startsWith(kind.code() + " "), "line " + i + " should start with code " + kind.code()
          + ": " + line);
      assertEquals(String.valueOf(kind.code()), matcher.group(1), line);
      assertEquals(kind.name(), matcher.group(2), line);
      assertEquals(kind.field().name(), matcher.group(3), line);
      assertEquals(kind.hasAddend() ? "yes" : "no", matcher.group(4), line);
      assertEquals(kind.rule().target().name().toLowerCase(), matcher.group(5), line);
    }
  }

  @Test
  void listsTheExtensionKindWithItsHandler() {
    String line = kindLines().stream()
        .filter(candidate -> candidate.strip().startsWith("200 "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for code 200 in:\n" + out));
    assertTrue(line.contains("R_WASMLINK_TABLE_INDEX_ULEB"), line);
    assertTrue(line.contains("ULEB32"), line);
    assertTrue(line.contains("dev.wasmlink.extension.example.TableIndexUlebHandler"), line);
    assertTrue(out.contains("made-up kind"), "the extension kind's summary: " + out);
  }

  @Test
  void everyKindLineNamesItsConstraintsAndSections() {
    List<String> lines = kindLines();
    List<Expected> expected = expectedKinds();
    for (int i = 0; i < expected.size(); i++) {
      Expected kind = expected.get(i);
      String line = lines.get(i);
      assertEquals(kind.tlsOnly(), line.contains("TLS only"), line);
      assertEquals(kind.forbiddenAgainstTls(), line.contains("not TLS"), line);
      assertEquals(kind.picOnly(), line.contains("PIC only"), line);
      assertTrue(line.contains(kind.rule().formula()), line);
      List<String> sections = new ArrayList<>();
      for (PatchedSection section : PatchedSection.values()) {
        if (kind.allowedIn().contains(section)) {
          sections.add(section.name().toLowerCase());
        }
      }
      assertTrue(line.contains(" " + String.join(",", sections) + " "), "sections " + sections + ": " + line);
    }
  }

  @Test
  void nothingElseLooksLikeAKindLine() {
    // Every line is the count, blank, the header, a kind, or a kind's indented summary.
    List<String> lines = out.lines().toList();
    assertTrue(lines.get(2).strip().startsWith("code  name"), lines.get(2));
    int kinds = 0;
    for (String line : lines.subList(3, lines.size())) {
      if (KIND_LINE.matcher(line).matches()) {
        kinds++;
      } else {
        assertTrue(line.startsWith("      ") && !line.isBlank(), "neither a kind nor a summary: '" + line + "'");
      }
    }
    assertEquals(29, kinds);
  }
}
