package dev.wasmlink.tests.malformed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.linker.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@code wasmlink dump} in-process through {@link Main#run} and checks the one-line error it must give for bad
 * input: {@code wasmlink: error: FILE[(MEMBER)][: section NAME] at offset 0xHEX: problem}, exit status 1, no trace.
 */
final class Dump {
  private static final String PREFIX = "wasmlink: error: ";

  /** What one run printed and returned. */
  record Result(int status, String out, String err) {
    /** The stderr lines, without the final line terminator. */
    List<String> errLines() {
      return err.isEmpty() ? List.of() : err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + status + "\n--- stderr ---\n" + err + "--- stdout ---\n" + out;
    }
  }

  private Dump() {}

  static Path write(Path dir, String name, byte[] bytes) {
    Path file = dir.resolve(name);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static Path write(Path dir, String name, WasmBytes bytes) {
    return write(dir, name, bytes.toByteArray());
  }

  static Result run(Path... files) {
    String[] args = new String[files.length + 1];
    args[0] = "dump";
    for (int i = 0; i < files.length; i++) {
      args[i + 1] = files[i].toString();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  /**
   * Asserts a single well-formed error line and returns it.
   *
   * @param input how the message must name the input: the file, or {@code file(member)}
   * @param section the section the message must name, or {@code null} when the error is outside any section
   * @param offset the exact offset the message must give, from the start of the object or member
   * @param phrase a phrase that says what the problem is, which the part after the offset must contain
   */
  static String assertError(Result result, String input, String section, long offset, String phrase) {
    String line = assertOneErrorLine(result);
    String expectedStart = PREFIX + input + (section == null ? "" : ": section " + section) + " at offset 0x"
        + Long.toHexString(offset) + ": ";
    assertTrue(line.startsWith(expectedStart),
        () -> "the error line should start with\n  " + expectedStart + "\nbut is\n  " + line);
    String problem = line.substring(expectedStart.length());
    assertTrue(problem.contains(phrase),
        () -> "the problem should say '" + phrase + "' but is '" + problem + "'");
    return line;
  }

  /** Exit status 1, exactly one stderr line, in wasmlink's error form, with no trace or exception name in it. */
  static String assertOneErrorLine(Result result) {
    assertEquals(1, result.status(), () -> "exit status; " + result);
    List<String> lines = result.errLines();
    assertEquals(1, lines.size(), () -> "stderr should be exactly one line; " + result);
    String line = lines.get(0);
    assertTrue(line.startsWith(PREFIX), () -> "stderr should start with '" + PREFIX + "'; " + result);
    assertFalse(line.contains("Exception"), () -> "the message names an exception: " + line);
    assertFalse(line.contains("internal error"), () -> "the message reports an internal error: " + line);
    assertFalse(result.err().contains("\tat "), () -> "stderr holds a stack trace: " + result);
    return line;
  }
}
