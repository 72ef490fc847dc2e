package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code src/test/resources/programs/manifest.txt}: the programs the differential link tests build, link and run. The
 * format is documented in the manifest's comment header.
 */
public final class ProgramManifest {
  private ProgramManifest() {}

  /** One source entry: a compiled input object, or an archive packed from several sources. */
  public record Source(String archive, List<String> paths) {
    /** Whether this entry is {@code libX.a=a.c,b.c} rather than one source file. */
    public boolean isArchive() {
      return archive != null;
    }
  }

  /** One manifest line. */
  public record Program(String name, List<Source> sources, List<String> compileFlags, List<String> linkFlags,
      List<String> args, int exitStatus) {
    /** The link flags with {@code ${build}} replaced by the build directory. */
    public List<String> linkFlags(Path buildDirectory) {
      return linkFlags.stream().map(flag -> flag.replace("${build}", buildDirectory.toString())).toList();
    }

    /** What the program prints when linked by wasm-ld-19: {@code NAME/expected-stdout.txt}. */
    public Path expectedStdout() {
      return LinkHarness.programsDirectory().resolve(name).resolve("expected-stdout.txt");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every program, in manifest order. */
  public static List<Program> programs() {
    Path manifest = LinkHarness.programsDirectory().resolve("manifest.txt");
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Program> programs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      programs.add(parse(line, manifest + ":" + (i + 1)));
    }
    if (programs.isEmpty()) {
      fail(manifest + " lists no programs");
    }
    return List.copyOf(programs);
  }

  /** One program by name. */
  public static Program program(String name) {
    return programs().stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseGet(() -> fail("manifest.txt has no program " + name));
  }

  static Program parse(String line, String where) {
    String[] fields = line.split("\\|", -1);
    if (fields.length != 6) {
      return fail(where + ": expected 6 '|'-separated fields (name | sources | compile flags | link flags | args |"
          + " exit status), found " + fields.length + ": " + line);
    }
    String name = fields[0].strip();
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      return fail(where + ": bad program name '" + name + "'");
    }
    List<Source> sources = new ArrayList<>();
    for (String token : words(fields[1])) {
      int equals = token.indexOf('=');
      if (equals < 0) {
        sources.add(new Source(null, List.of(token)));
      } else {
        String archive = token.substring(0, equals);
        if (!archive.matches("lib[A-Za-z0-9_.-]+\\.a")) {
          return fail(where + ": archive entries are libX.a=a.c,b.c,...; got " + token);
        }
        sources.add(new Source(archive, List.of(token.substring(equals + 1).split(","))));
      }
    }
    if (sources.stream().noneMatch(s -> !s.isArchive())) {
      return fail(where + ": program " + name + " has no source that is a link input");
    }
    int exitStatus;
    try {
      exitStatus = Integer.parseInt(fields[5].strip());
    } catch (NumberFormatException e) {
      return fail(where + ": exit status is not a number: '" + fields[5].strip() + "'");
    }
    return new Program(name, List.copyOf(sources), words(fields[2]), words(fields[3]), words(fields[4]), exitStatus);
  }

  private static List<String> words(String field) {
    String stripped = field.strip();
    return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
  }
}
