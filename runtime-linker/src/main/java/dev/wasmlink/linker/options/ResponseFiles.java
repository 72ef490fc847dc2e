package dev.wasmlink.linker.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Response files ({@code @FILE} arguments) and the two ways of splitting their text into arguments, as LLVM does for
 * lld.
 *
 * <p>Expansion follows LLVM 19 as lld calls it: every argument that starts with {@code @} is replaced by the
 * arguments in the file it names, wherever it stands (even where an option's value is expected); arguments that come
 * out of a file and start with {@code @} are expanded in turn; nested names are relative to the directory the linker
 * runs in, not to the including file. A file that includes itself, directly or not, is an error, and so is nesting
 * deeper than {@link #MAX_DEPTH}. Where LLVM would leave the {@code @FILE} of a missing file in place, for lld to fail
 * on later with "cannot open @FILE: No such file or directory", this class fails at once with that same message.
 */
public final class ResponseFiles {

  /** How deep response files may include one another. LLVM has no such limit; it stops cycles only. */
  public static final int MAX_DEPTH = 64;

  /**
   * How many response files one command line may expand, counting a file each time it is named. Without it, a
   * few kilobytes of files naming each other a thousand times over (none including itself, so no cycle) would
   * expand for hours; real link lines name a handful.
   */
  public static final int MAX_EXPANSIONS = 1 << 16;

  /** How many arguments the expansion may come to: millions of arguments are a file bomb, not a link line. */
  public static final int MAX_ARGUMENTS = 1 << 22;

  /** How the text of a response file is split into arguments: lld's {@code --rsp-quoting=}. */
  public enum Quoting {
    /** Shell-like: blanks separate, single and double quotes group, a backslash escapes the next character. */
    POSIX("posix"),
    /** The Microsoft C runtime's rules: double quotes group, backslashes matter only before a double quote. */
    WINDOWS("windows");

    private final String flagValue;

    Quoting(String flagValue) {
      this.flagValue = flagValue;
    }

    /** The spelling after {@code --rsp-quoting=}. */
    public String flagValue() {
      return flagValue;
    }

    /** The style for a {@code --rsp-quoting=} value, or {@code null} for a value lld does not know. */
    public static Quoting fromFlagValue(String value) {
      for (Quoting quoting : values()) {
        if (quoting.flagValue.equals(value)) {
          return quoting;
        }
      }
      return null;
    }

    /** What lld uses without {@code --rsp-quoting}: Windows rules on Windows, POSIX rules everywhere else. */
    public static Quoting platformDefault() {
      return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS : POSIX;
    }
  }

  private ResponseFiles() {}

  /** Splits {@code text} with the rules of {@code quoting}. */
  public static List<String> tokenize(String text, Quoting quoting) {
    return quoting == Quoting.WINDOWS ? tokenizeWindows(text) : tokenizePosix(text);
  }

  /**
   * Splits {@code text} the way LLVM's GNU tokenizer does. Spaces, tabs, carriage returns and newlines separate
   * arguments. A backslash takes the next character literally, inside quotes as well as outside (so {@code 'a\'b'} is
   * {@code a'b}, unlike a real shell). Single or double quotes group everything up to the matching quote; a missing
   * closing quote runs to the end of the text. An argument that ends up empty, such as {@code ''}, is dropped.
   */
  public static List<String> tokenizePosix(String text) {
    List<String> arguments = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < length) {
        token.append(text.charAt(++i));
      } else if (c == '\'' || c == '"') {
        i++;
        while (i < length && text.charAt(i) != c) {
          if (text.charAt(i) == '\\' && i + 1 < length) {
            i++;
          }
          token.append(text.charAt(i));
          i++;
        }
      } else if (isPosixBlank(c)) {
        if (token.length() > 0) {
          arguments.add(token.toString());
          token.setLength(0);
        }
      } else {
        token.append(c);
      }
    }
    if (token.length() > 0) {
      arguments.add(token.toString());
    }
    return arguments;
  }

  /**
   * Splits {@code text} the way LLVM's Windows tokenizer does (the rules of the Microsoft C runtime after 2008).
   * Spaces, tabs, carriage returns, newlines and NULs separate arguments outside double quotes. Within an argument,
   * {@code "} opens or closes a quoted part; inside a quoted part, {@code ""} stands for one {@code "}. A run of
   * backslashes before a {@code "} stands for half as many backslashes, and if the run is odd the {@code "} is a
   * literal one; backslashes anywhere else are literal. Unlike the POSIX rules, {@code ""} makes an empty argument.
   */
  public static List<String> tokenizeWindows(String text) {
    List<String> arguments = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean inArgument = false;
    boolean quoted = false;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < length && text.charAt(i + 1) == '"') {
            token.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else if (c == '\\') {
          i = windowsBackslashes(text, i, token);
        } else {
          token.append(c);
        }
      } else if (isWindowsBlank(c)) {
        if (inArgument) {
          arguments.add(token.toString());
          token.setLength(0);
          inArgument = false;
        }
      } else {
        inArgument = true;
        if (c == '"') {
          quoted = true;
        } else if (c == '\\') {
          i = windowsBackslashes(text, i, token);
        } else {
          token.append(c);
        }
      }
    }
    if (inArgument) {
      arguments.add(token.toString());
    }
    return arguments;
  }

  /**
   * Expands every {@code @FILE} in {@code arguments}, recursively. Relative names are resolved against
   * {@code baseDirectory}.
   *
   * @throws CommandLineException for a file that cannot be read, a file that includes itself, or nesting deeper than
   *     {@link #MAX_DEPTH}
   */
  public static List<String> expand(List<String> arguments, Quoting quoting, Path baseDirectory) {
    List<String> out = new ArrayList<>();
    expandInto(arguments, quoting, baseDirectory, new ArrayList<>(), out, new int[1]);
    return out;
  }

  /** Whether {@code arguments} contains any {@code @FILE} to expand. */
  public static boolean hasResponseFile(List<String> arguments) {
    for (String argument : arguments) {
      if (argument.startsWith("@")) {
        return true;
      }
    }
    return false;
  }

  private static void expandInto(List<String> arguments, Quoting quoting, Path baseDirectory, List<Path> including,
      List<String> out, int[] expansions) {
    for (String argument : arguments) {
      if (!argument.startsWith("@")) {
        if (out.size() >= MAX_ARGUMENTS) {
          throw new CommandLineException("response files expand to more than " + MAX_ARGUMENTS + " arguments");
        }
        out.add(argument);
        continue;
      }
      if (++expansions[0] > MAX_EXPANSIONS) {
        throw new CommandLineException(
            "response files are expanded more than " + MAX_EXPANSIONS + " times, at " + argument);
      }
      String name = argument.substring(1);
      if (name.isEmpty()) {
        throw new CommandLineException("cannot open @: No such file or directory");
      }
      Path file = resolve(baseDirectory, argument, name);
      Path identity = identity(file);
      if (including.contains(identity)) {
        throw new CommandLineException("recursive expansion of: '" + identity + "'");
      }
      if (including.size() >= MAX_DEPTH) {
        throw new CommandLineException(
            "response files nested more than " + MAX_DEPTH + " deep at " + argument);
      }
      String text = read(file, argument);
      including.add(identity);
      expandInto(tokenize(text, quoting), quoting, baseDirectory, including, out, expansions);
      including.remove(including.size() - 1);
    }
  }

  private static Path resolve(Path baseDirectory, String argument, String name) {
    try {
      return baseDirectory.resolve(name);
    } catch (InvalidPathException e) {
      throw new CommandLineException("cannot open " + argument + ": Invalid argument");
    }
  }

  private static Path identity(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      return absolute;
    }
  }

  private static String read(Path file, String argument) {
    if (Files.isDirectory(file)) {
      throw new CommandLineException("cannot open " + argument + ": Is a directory");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CommandLineException("cannot open " + argument + ": " + reason(e));
    }
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      start = 3;
    }
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }

  /** The reason for a failed read, in the words of the C library as lld prints them. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static int windowsBackslashes(String text, int first, StringBuilder token) {
    int i = first;
    while (i < text.length() && text.charAt(i) == '\\') {
      i++;
    }
    int count = i - first;
    if (i < text.length() && text.charAt(i) == '"') {
      token.append("\\".repeat(count / 2));
      if (count % 2 == 1) {
        token.append('"');
        return i;
      }
      return i - 1;
    }
    token.append("\\".repeat(count));
    return i - 1;
  }

  private static boolean isPosixBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isWindowsBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
  }
}
