package dev.wasmlink.tests.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The object corpus: the sources under {@code src/test/resources/corpus}, compiled by clang-19 and llvm-mc-19 as
 * {@code manifest.txt} says, into {@code target/corpus}. Built once per test run, so the objects always come from
 * the sources in the repository and the installed compiler.
 */
public final class Corpus {
  private static List<Path> objects;

  private Corpus() {}

  /** The source directory. */
  public static Path sources() {
    Path root = Path.of(System.getProperty("wasmlink.root", ".."));
    return root.resolve("tests/src/test/resources/corpus");
  }

  /** Every corpus object, compiled on first use. */
  public static synchronized List<Path> objects() {
    if (objects == null) {
      objects = build();
    }
    return objects;
  }

  /** One corpus object by file name. */
  public static Path object(String name) {
    return objects().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
        .orElseGet(() -> fail("no corpus object " + name));
  }

  private static List<Path> build() {
    Path output = Path.of(System.getProperty("wasmlink.root", "..")).resolve("tests/target/corpus");
    List<Path> built = new ArrayList<>();
    try {
      Files.createDirectories(output);
      for (String line : Files.readAllLines(sources().resolve("manifest.txt"))) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        List<String> tokens = Arrays.asList(trimmed.split("\\s+"));
        Path object = output.resolve(tokens.get(0));
        List<String> command = new ArrayList<>();
        command.add(tool(tokens.get(1)).toString());
        command.addAll(tokens.subList(2, tokens.size() - 1));
        command.add(sources().resolve(tokens.get(tokens.size() - 1)).toString());
        command.add("-o");
        command.add(object.toString());
        Tools.output(command);
        built.add(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(built);
  }

  private static Path tool(String name) {
    return switch (name) {
      case "clang" -> Tools.require("clang-19", "clang-19");
      case "clang++" -> Tools.require("clang++-19", "clang-19");
      case "llvm-mc" -> Tools.require("llvm-mc-19", "llvm-19");
      default -> fail("manifest names unknown tool " + name);
    };
  }
}
