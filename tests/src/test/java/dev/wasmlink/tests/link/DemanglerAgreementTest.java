package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasmlink.linker.names.Demangler;
import dev.wasmlink.tests.corpus.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link Demangler} against LLVM 19's demangler: every symbol name of real wasm archives
 * (emscripten's libc++ and libc++abi, Debian rustc's wasm std rlibs) is demangled by {@code llvm-cxxfilt-19} in one
 * batch and by us, and the two are compared name by name.
 *
 * <p>A wrong demangling (text that differs from both the name and LLVM's text) is never acceptable. A give-up (we
 * return the name where LLVM demangled it) is tolerated up to {@link #MAX_GIVE_UP_RATE}: with LLVM 19, emscripten's
 * libc++ and Debian's Rust 1.x std we measured 0 give-ups out of about 19,700 names LLVM demangles (33,900 names in
 * all), so the limit only leaves room for a rare construct a toolchain update might bring, while any systematic gap
 * (a whole mangling family, such as Rust's v0 {@code _R} names replacing the legacy ones) fails the test.
 */
class DemanglerAgreementTest {
  private static final Path EMSCRIPTEN_LIB = Path.of("/usr/share/emscripten/cache/sysroot/lib/wasm32-emscripten");

  /** Emscripten's C++ runtime: threaded ones are required, the single-threaded builds are read when present. */
  private static final List<String> REQUIRED_ARCHIVES = List.of("libc++-mt.a", "libc++abi-mt.a");
  private static final List<String> OPTIONAL_ARCHIVES = List.of("libc++.a", "libc++abi.a");

  /** At most one name in a thousand may be left mangled where LLVM demangles it (measured: none). */
  private static final double MAX_GIVE_UP_RATE = 0.001;

  /** Below this many names LLVM demangles, the corpus is too thin to say anything. */
  private static final int MIN_DEMANGLED_BY_LLVM = 10_000;

  @Test
  void agreesWithLlvmCxxfilt19OnRealArchives() throws IOException {
    Path nm = Tools.require("llvm-nm-19", "llvm-19");
    Path cxxfilt = Tools.require("llvm-cxxfilt-19", "llvm-19");

    TreeSet<String> all = symbolNames(nm, emscriptenArchives());
    int cxxNames = all.size();
    all.addAll(symbolNames(nm, rustLibraries()));
    assertTrue(cxxNames > 0 && all.size() > cxxNames, "llvm-nm-19 found no symbols in the C++ archives or in the"
        + " Rust libraries");
    List<String> names = new ArrayList<>(all);
    List<String> llvm = llvmDemangle(cxxfilt, names);

    int demangledByLlvm = 0;
    int matches = 0;
    List<String> giveUps = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String expected = llvm.get(i);
      String ours = Demangler.demangle(name);
      if (!expected.equals(name)) {
        demangledByLlvm++;
      }
      if (ours.equals(expected)) {
        matches++;
      } else if (ours.equals(name)) {
        giveUps.add(name + "\n    llvm: " + expected);
      } else {
        wrong.add(name + "\n    llvm: " + expected + "\n    ours: " + ours);
      }
    }
    System.out.printf("Demangler vs llvm-cxxfilt-19: %d names, %d demangled by LLVM, %d identical, %d give-ups,"
        + " %d wrong%n", names.size(), demangledByLlvm, matches, giveUps.size(), wrong.size());
    giveUps.stream().limit(20).forEach(line -> System.out.println("give-up: " + line));

    assertTrue(demangledByLlvm >= MIN_DEMANGLED_BY_LLVM, "only " + demangledByLlvm + " of " + names.size()
        + " names are mangled; the archives are not the expected C++ and Rust libraries");
    assertEquals(List.of(), wrong.stream().limit(20).toList(), wrong.size() + " names demangled differently from"
        + " llvm-cxxfilt-19 (first 20 shown)");
    double giveUpRate = (double) giveUps.size() / demangledByLlvm;
    assertTrue(giveUpRate <= MAX_GIVE_UP_RATE, String.format("left %d of %d names mangled (%.3f%%, limit %.3f%%)"
        + " that llvm-cxxfilt-19 demangles; first ones:%n%s", giveUps.size(), demangledByLlvm, 100 * giveUpRate,
        100 * MAX_GIVE_UP_RATE, String.join("\n", giveUps.stream().limit(20).toList())));
  }

  /** Emscripten's libc++ and libc++abi. */
  private static List<Path> emscriptenArchives() {
    List<Path> archives = new ArrayList<>();
    for (String name : REQUIRED_ARCHIVES) {
      Path archive = EMSCRIPTEN_LIB.resolve(name);
      assertTrue(Files.isRegularFile(archive), archive + " is missing; run bin/test-setup (apt-get install"
          + " emscripten)");
      archives.add(archive);
    }
    for (String name : OPTIONAL_ARCHIVES) {
      Path archive = EMSCRIPTEN_LIB.resolve(name);
      if (Files.isRegularFile(archive)) {
        archives.add(archive);
      }
    }
    return archives;
  }

  /** Every rlib of Debian's wasm std (some, such as cfg_if's, define no symbols at all). */
  private static List<Path> rustLibraries() {
    Tools.Result dpkg = Tools.run(List.of("dpkg", "-L", "libstd-rust-dev-wasm32"));
    List<Path> rlibs = dpkg.stdout().lines().filter(line -> line.endsWith(".rlib")).map(Path::of).toList();
    if (dpkg.exitCode() != 0 || rlibs.isEmpty()) {
      fail("Debian's Rust std for wasm is not installed; run bin/test-setup (apt-get install"
          + " libstd-rust-dev-wasm32)");
    }
    return rlibs;
  }

  /**
   * Every symbol name (defined or undefined) in the archives, sorted and without duplicates. llvm-nm prints a
   * {@code member.o:} header before each member's names, and reports an error for the {@code lib.rmeta} member of
   * rlibs (Rust metadata, not an object file), so its exit status is not checked; the caller checks that names
   * were found.
   */
  private static TreeSet<String> symbolNames(Path nm, List<Path> archives) {
    TreeSet<String> names = new TreeSet<>();
    for (Path archive : archives) {
      Tools.Result result = Tools.run(List.of(nm.toString(), "--format=just-symbols", archive.toString()));
      result.stdout().lines()
          .filter(line -> !line.isEmpty() && !line.endsWith(":"))
          .forEach(names::add);
    }
    return names;
  }

  /**
   * llvm-cxxfilt-19's text for each name, one name per line on its standard input. It splits a line into words at
   * characters that cannot occur in a mangled name, so such names (there are none in these archives) are checked
   * to be absent rather than compared with a split result.
   */
  private static List<String> llvmDemangle(Path cxxfilt, List<String> names) throws IOException {
    for (String name : names) {
      assertTrue(name.matches("[A-Za-z0-9_.$]+"), "llvm-cxxfilt would split the name " + name);
    }
    Path input = Files.createTempFile("wasmlink-demangle", ".txt");
    try {
      Files.write(input, names, StandardCharsets.UTF_8);
      // Tools.run has no standard input; let the shell redirect it (the paths are arguments, not script text).
      String out = Tools.output(List.of("sh", "-c", "exec \"$0\" < \"$1\"", cxxfilt.toString(), input.toString()));
      List<String> lines = out.lines().toList();
      assertEquals(names.size(), lines.size(), "llvm-cxxfilt-19 printed one line per name");
      return lines;
    } finally {
      Files.deleteIfExists(input);
    }
  }
}
