package dev.wasmlink.linker.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stub library, as wasm-ld 19 reads it: a text file whose first line is {@code #STUB}, then one line per symbol a
 * library will provide at load time, {@code NAME: DEPENDENCY, DEPENDENCY}, naming the symbols of this link it needs
 * in return; {@code #} starts a comment. It lets a program link against a library that only its loader supplies
 * (emscripten's JS libraries, for one).
 *
 * @param path the file as the command line names it
 * @param dependencies each symbol provided, in the file's order, with what it needs
 */
public record StubLibrary(String path, Map<String, List<String>> dependencies) {
  private static final String MAGIC = "#STUB";

  /** Whether a file is a stub library: it starts with {@code #STUB}. */
  public static boolean is(byte[] bytes) {
    if (bytes.length < MAGIC.length()) {
      return false;
    }
    return new String(bytes, 0, MAGIC.length(), StandardCharsets.US_ASCII).equals(MAGIC);
  }

  public static StubLibrary parse(byte[] bytes, String path) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (String raw : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = (colon < 0 ? line : line.substring(0, colon)).trim();
      List<String> needs = new ArrayList<>();
      if (colon >= 0) {
        for (String dependency : line.substring(colon + 1).split(",")) {
          if (!dependency.trim().isEmpty()) {
            needs.add(dependency.trim());
          }
        }
      }
      dependencies.put(name, needs);
    }
    return new StubLibrary(path, dependencies);
  }
}
