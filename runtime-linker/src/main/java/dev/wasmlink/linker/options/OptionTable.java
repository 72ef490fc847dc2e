package dev.wasmlink.linker.options;

import static dev.wasmlink.linker.options.OptionId.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spellings of {@code wasm-ld}'s options and how an argument list splits into options, values and inputs. The
 * matching is that of LLVM's option tables, which lld uses, so that odd spellings behave as they do under lld:
 *
 * <ul>
 *   <li>an argument that does not start with {@code -}, or is {@code -} alone, is an input; an empty argument is
 *       skipped;
 *   <li>otherwise every spelling that the argument starts with is a candidate, the longest first; a flag, or an
 *       option whose value comes in the next argument, must match the whole argument; an option whose value is joined
 *       takes whatever follows (so {@code -export-table}, which has no single-dash spelling, is {@code -e} with the
 *       value {@code xport-table}, as under lld);
 *   <li>an option that wants the next argument and finds none ends the parse with a missing argument;
 *   <li>an argument that no spelling accepts is unknown.
 * </ul>
 *
 * <p>Long options take one or two dashes where lld accepts both (the ones lld shares with GNU ld, and a few more);
 * most WebAssembly-only options take two dashes only, again as in lld 19.
 */
final class OptionTable {

  /** How an option takes its value. */
  enum Kind {
    /** No value: the argument must be exactly the spelling. */
    FLAG,
    /** The rest of the argument, possibly empty: {@code --export=foo}. */
    JOINED,
    /** The next argument: {@code --export foo}; the argument must be exactly the spelling. */
    SEPARATE,
    /** The rest of the argument if there is any, else the next one: {@code -lc}, {@code -l c}. */
    JOINED_OR_SEPARATE,
    /** The rest of the argument, split at commas, empty pieces dropped: {@code --features=a,b}. */
    COMMA_JOINED
  }

  /**
   * One spelling of an option.
   *
   * @param id the option it means
   * @param prefixes the dashes it may start with
   * @param name what follows the dashes, including a trailing {@code =} for joined spellings
   * @param kind how it takes its value
   * @param metaVar how the help names its value, or {@code null}
   * @param help one line for {@code --help}, or {@code null} to leave the spelling out of the help
   */
  record Spec(OptionId id, List<String> prefixes, String name, Kind kind, String metaVar, String help) {

    /** The spelling with its preferred (longest) prefix, as the help shows it. */
    String preferredSpelling() {
      return prefixes.get(0) + name;
    }
  }

  /**
   * One argument, or an option and its value, as parsed.
   *
   * @param id the option, or {@link OptionId#INPUT} / {@link OptionId#UNKNOWN}
   * @param argString the argument as written, where the option (or input) stood
   * @param prefix the dashes the option was written with ({@code ""} for inputs)
   * @param values the option's values, or the input itself
   * @param index where the argument stood in the (expanded) argument list
   */
  record Parsed(OptionId id, String argString, String prefix, List<String> values, int index) {

    /** The first value, or {@code ""} for an option written without one (such as the flag alias {@code -i}). */
    String value() {
      return values.isEmpty() ? "" : values.get(0);
    }
  }

  /**
   * A parsed argument list.
   *
   * @param arguments every argument in order, unknown ones included
   * @param missingArgument the option that wanted a value and found none (parsing stopped there), or {@code null}
   */
  record Result(List<Parsed> arguments, String missingArgument) {

    List<Parsed> all(OptionId id) {
      List<Parsed> found = new ArrayList<>();
      for (Parsed parsed : arguments) {
        if (parsed.id() == id) {
          found.add(parsed);
        }
      }
      return found;
    }

    List<String> values(OptionId id) {
      List<String> found = new ArrayList<>();
      for (Parsed parsed : all(id)) {
        found.add(parsed.value());
      }
      return found;
    }

    /** The last of any of {@code ids}, or {@code null}. */
    Parsed last(OptionId... ids) {
      for (int i = arguments.size() - 1; i >= 0; i--) {
        Parsed parsed = arguments.get(i);
        for (OptionId id : ids) {
          if (parsed.id() == id) {
            return parsed;
          }
        }
      }
      return null;
    }

    boolean has(OptionId id) {
      return last(id) != null;
    }

    /** lld's {@code hasFlag}: the last of {@code positive} and {@code negative} wins, else {@code otherwise}. */
    boolean flag(OptionId positive, OptionId negative, boolean otherwise) {
      Parsed parsed = last(positive, negative);
      return parsed == null ? otherwise : parsed.id() == positive;
    }
  }

  private static final List<String> BOTH = List.of("--", "-");
  private static final List<String> DOUBLE = List.of("--");
  private static final List<String> SINGLE = List.of("-");

  private static final List<Spec> SPECS = buildSpecs();

  private OptionTable() {}

  /** Every spelling, in no particular order. */
  static List<Spec> specs() {
    return SPECS;
  }

  /** Splits {@code arguments} into options, values and inputs. */
  static Result parse(List<String> arguments) {
    List<Parsed> parsed = new ArrayList<>();
    int count = arguments.size();
    int index = 0;
    while (index < count) {
      String argument = arguments.get(index);
      if (argument.isEmpty()) {
        index++;
        continue;
      }
      if (!argument.startsWith("-") || argument.equals("-")) {
        parsed.add(new Parsed(INPUT, argument, "", List.of(argument), index));
        index++;
        continue;
      }
      int next = -1;
      for (Candidate candidate : candidates(argument)) {
        Spec spec = candidate.spec();
        int length = candidate.length();
        boolean exact = argument.length() == length;
        String rest = argument.substring(length);
        switch (spec.kind()) {
          case FLAG -> {
            if (exact) {
              parsed.add(new Parsed(spec.id(), argument, candidate.prefix(), List.of(), index));
              next = index + 1;
            }
          }
          case JOINED -> {
            parsed.add(new Parsed(spec.id(), argument, candidate.prefix(), List.of(rest), index));
            next = index + 1;
          }
          case COMMA_JOINED -> {
            parsed.add(new Parsed(spec.id(), argument, candidate.prefix(), commaSeparated(rest), index));
            next = index + 1;
          }
          case SEPARATE, JOINED_OR_SEPARATE -> {
            if (!exact && spec.kind() == Kind.JOINED_OR_SEPARATE) {
              parsed.add(new Parsed(spec.id(), argument, candidate.prefix(), List.of(rest), index));
              next = index + 1;
            } else if (exact) {
              if (index + 1 >= count) {
                return new Result(List.copyOf(parsed), argument);
              }
              parsed.add(
                  new Parsed(spec.id(), argument, candidate.prefix(), List.of(arguments.get(index + 1)), index));
              next = index + 2;
            }
          }
        }
        if (next >= 0) {
          break;
        }
      }
      if (next < 0) {
        parsed.add(new Parsed(UNKNOWN, argument, "", List.of(argument), index));
        next = index + 1;
      }
      index = next;
    }
    return new Result(List.copyOf(parsed), null);
  }

  private record Candidate(Spec spec, String prefix) {
    int length() {
      return prefix.length() + spec.name().length();
    }
  }

  private static List<Candidate> candidates(String argument) {
    List<Candidate> found = new ArrayList<>();
    for (Spec spec : SPECS) {
      for (String prefix : spec.prefixes()) {
        if (argument.startsWith(prefix) && argument.startsWith(spec.name(), prefix.length())) {
          found.add(new Candidate(spec, prefix));
        }
      }
    }
    found.sort(Comparator.comparingInt(Candidate::length).reversed());
    return found;
  }

  private static List<String> commaSeparated(String text) {
    List<String> values = new ArrayList<>();
    for (String piece : text.split(",", -1)) {
      if (!piece.isEmpty()) {
        values.add(piece);
      }
    }
    return values;
  }

  // ---- the table ----

  private static List<Spec> buildSpecs() {
    Builder b = new Builder();

    // Inputs and libraries.
    b.joinedOrSeparate(SINGLE, "l", LIBRARY, "<name>",
        "Link lib<name>.a from the library search path; -l:<file> links <file> as named");
    b.separate(BOTH, "library", LIBRARY, null, null);
    b.joined(BOTH, "library=", LIBRARY, null, null);
    b.joinedOrSeparate(SINGLE, "L", LIBRARY_PATH, "<dir>", "Add <dir> to the library search path");
    b.separate(BOTH, "library-path", LIBRARY_PATH, null, null);
    b.joined(BOTH, "library-path=", LIBRARY_PATH, null, null);
    b.flag(BOTH, "whole-archive", WHOLE_ARCHIVE, "Load every member of the archives that follow");
    b.flag(BOTH, "no-whole-archive", NO_WHOLE_ARCHIVE,
        "Load archive members only when they define a needed symbol (default)");
    b.flag(BOTH, "start-lib", START_LIB, "Treat the objects that follow as members of one archive");
    b.flag(BOTH, "end-lib", END_LIB, "End the group begun by --start-lib");
    b.flag(BOTH, "Bstatic", BSTATIC, "Look for archives only, not shared libraries (default)");
    b.flag(BOTH, "Bdynamic", BDYNAMIC, "Look for shared libraries as well as archives");
    b.flag(BOTH, "static", BSTATIC, "Same as --Bstatic");
    b.flag(BOTH, "dn", BSTATIC, "Same as --Bstatic");
    b.flag(BOTH, "non_shared", BSTATIC, "Same as --Bstatic");
    b.flag(BOTH, "dy", BDYNAMIC, "Same as --Bdynamic");
    b.flag(BOTH, "call_shared", BDYNAMIC, "Same as --Bdynamic");

    // Output.
    b.joinedOrSeparate(SINGLE, "o", OUTPUT, "<path>", "Write the output to <path>");
    b.joinedOrSeparate(SINGLE, "m", MACHINE, "<target>", "Target: wasm32 or wasm64 (default: from the inputs)");
    b.flag(BOTH, "relocatable", RELOCATABLE, "Write a relocatable object that can be linked again");
    b.flag(SINGLE, "r", RELOCATABLE, "Same as --relocatable");
    b.flag(BOTH, "shared", SHARED, "Write a shared library (experimental in lld)");
    b.flag(BOTH, "pie", PIE, "Write a position-independent executable (experimental in lld)");
    b.flag(BOTH, "no-pie", NO_PIE, "Write a position-dependent executable (default)");
    b.flag(DOUBLE, "experimental-pic", EXPERIMENTAL_PIC, "Allow the experimental position-independent outputs");
    b.eq(BOTH, "soname", SONAME, "<name>", "Module name to record in the name section of a shared library");
    b.flag(BOTH, "build-id", BUILD_ID, "Same as --build-id=fast");
    b.joined(BOTH, "build-id=", BUILD_ID_EQ, "[fast,sha1,uuid,0x<hex>]", "Write a build ID of the given kind");
    b.flag(BOTH, "Bsymbolic", BSYMBOLIC, "Bind references to symbols the output defines to those definitions");

    // Entry and exports.
    b.separate(BOTH, "entry", ENTRY, "<symbol>", "Entry point symbol (default: _start)");
    b.joined(BOTH, "entry=", ENTRY, null, null);
    b.joinedOrSeparate(SINGLE, "e", ENTRY, "<symbol>", "Same as --entry");
    b.flag(DOUBLE, "no-entry", NO_ENTRY, "Write no entry point");
    b.eq(BOTH, "export", EXPORT, "<symbol>", "Export <symbol>; an error if no input defines it");
    b.eq(BOTH, "export-if-defined", EXPORT_IF_DEFINED, "<symbol>", "Export <symbol> if an input defines it");
    b.flag(DOUBLE, "export-all", EXPORT_ALL, "Export every symbol (usually with --no-gc-sections)");
    b.flag(BOTH, "export-dynamic", EXPORT_DYNAMIC, "Export every symbol of default visibility");
    b.flag(BOTH, "no-export-dynamic", NO_EXPORT_DYNAMIC,
        "Export only what is asked for (default, except with --shared)");
    b.flag(SINGLE, "E", EXPORT_DYNAMIC, "Same as --export-dynamic");
    b.flag(DOUBLE, "export-table", EXPORT_TABLE, "Export the indirect function table");
    b.flag(DOUBLE, "import-table", IMPORT_TABLE, "Import the indirect function table");
    b.flag(DOUBLE, "growable-table", GROWABLE_TABLE, "Give the function table no maximum, so that it can grow");
    b.flag(DOUBLE, "import-memory", IMPORT_MEMORY, "Import the memory as env.memory");
    b.joined(DOUBLE, "import-memory=", IMPORT_MEMORY_WITH_NAME, "<module>,<name>",
        "Import the memory from <module> under <name>");
    b.flag(DOUBLE, "export-memory", EXPORT_MEMORY,
        "Export the memory as \"memory\" (default unless the memory is imported)");
    b.joined(DOUBLE, "export-memory=", EXPORT_MEMORY_WITH_NAME, "<name>", "Export the memory under <name>");
    b.flag(DOUBLE, "shared-memory", SHARED_MEMORY, "Make the memory shared, for threads");

    // Undefined symbols.
    b.flag(BOTH, "allow-undefined", ALLOW_UNDEFINED,
        "Allow undefined symbols: --import-undefined with --unresolved-symbols=ignore-all");
    b.joined(BOTH, "allow-undefined-file=", ALLOW_UNDEFINED_FILE, "<file>",
        "Allow the symbols listed in <file>, one a line, to stay undefined");
    b.separate(SINGLE, "allow-undefined-file", ALLOW_UNDEFINED_FILE, null, null);
    b.flag(BOTH, "import-undefined", IMPORT_UNDEFINED, "Turn undefined symbols into imports where possible");
    b.eq(BOTH, "unresolved-symbols", UNRESOLVED_SYMBOLS, "<policy>",
        "What to do with undefined symbols: report-all, ignore-all or import-dynamic");
    b.flag(BOTH, "error-unresolved-symbols", ERROR_UNRESOLVED_SYMBOLS, "Report undefined symbols as errors (default)");
    b.flag(BOTH, "warn-unresolved-symbols", WARN_UNRESOLVED_SYMBOLS, "Report undefined symbols as warnings");
    b.eq(BOTH, "undefined", UNDEFINED, "<symbol>", "Link in what defines <symbol>, as if something used it");
    b.joinedOrSeparate(SINGLE, "u", UNDEFINED, "<symbol>", "Same as --undefined");
    b.eq(BOTH, "wrap", WRAP, "<symbol>", "Send references to <symbol> to __wrap_<symbol>");

    // Memory layout.
    b.joined(DOUBLE, "initial-memory=", INITIAL_MEMORY, "<bytes>", "Initial size of the memory");
    b.flag(SINGLE, "i", INITIAL_MEMORY, null, null);
    b.joined(DOUBLE, "max-memory=", MAX_MEMORY, "<bytes>", "Maximum size of the memory");
    b.flag(DOUBLE, "no-growable-memory", NO_GROWABLE_MEMORY, "Make the maximum size of the memory its initial size");
    b.joined(DOUBLE, "initial-heap=", INITIAL_HEAP, "<bytes>", "Initial size of the heap");
    b.joined(DOUBLE, "global-base=", GLOBAL_BASE, "<address>", "Address of the static data (default 1024)");
    b.joined(DOUBLE, "table-base=", TABLE_BASE, "<index>", "First table index for address-taken functions (default 1)");
    b.flag(DOUBLE, "stack-first", STACK_FIRST, "Put the stack below the static data");
    b.flag(DOUBLE, "no-stack-first", NO_STACK_FIRST, "Put the stack above the static data (default in lld 19)");
    b.joinedOrSeparate(SINGLE, "z", Z, "<keyword>", "Linker extension; -z stack-size=<bytes> sets the stack size (default 65536)");

    // Sections.
    b.flag(BOTH, "gc-sections", GC_SECTIONS, "Remove unused functions and data (default)");
    b.flag(BOTH, "no-gc-sections", NO_GC_SECTIONS, "Keep unused functions and data");
    b.flag(BOTH, "print-gc-sections", PRINT_GC_SECTIONS, "List what --gc-sections removes");
    b.flag(BOTH, "no-print-gc-sections", NO_PRINT_GC_SECTIONS, "Do not list what --gc-sections removes (default)");
    b.flag(DOUBLE, "merge-data-segments", MERGE_DATA_SEGMENTS, "Merge data segments (default)");
    b.flag(DOUBLE, "no-merge-data-segments", NO_MERGE_DATA_SEGMENTS, "Keep data segments apart");
    b.flag(BOTH, "strip-all", STRIP_ALL, "Leave out symbol names and debug information");
    b.flag(SINGLE, "s", STRIP_ALL, "Same as --strip-all");
    b.flag(BOTH, "strip-debug", STRIP_DEBUG, "Leave out debug information");
    b.flag(SINGLE, "S", STRIP_DEBUG, "Same as --strip-debug");
    b.eq(BOTH, "keep-section", KEEP_SECTION, "<name>",
        "Keep custom section <name> even with --strip-all (may be repeated)");
    b.flag(BOTH, "emit-relocs", EMIT_RELOCS, "Keep relocations in the output");
    b.flag(BOTH, "compress-relocations", COMPRESS_RELOCATIONS,
        "Shrink relocated LEBs in the code section (needs --strip-debug)");

    // Target features.
    b.flag(DOUBLE, "check-features", CHECK_FEATURES, "Check that the inputs' target features agree (default)");
    b.flag(DOUBLE, "no-check-features", NO_CHECK_FEATURES, "Do not check the inputs' target features");
    b.commaJoined(BOTH, "features=", FEATURES, "<list>", "Use exactly these target features, comma-separated");
    b.commaJoined(BOTH, "extra-features=", EXTRA_FEATURES, "<list>",
        "Add these target features, comma-separated, to those of the inputs");
    b.flag(DOUBLE, "no-shlib-sigcheck", NO_SHLIB_SIGCHECK,
        "Do not check signatures of functions defined in shared libraries");

    // Diagnostics and reports.
    b.flag(BOTH, "demangle", DEMANGLE, "Demangle symbol names in messages (default)");
    b.flag(BOTH, "no-demangle", NO_DEMANGLE, "Print symbol names as they are");
    b.flag(BOTH, "fatal-warnings", FATAL_WARNINGS, "Treat warnings as errors");
    b.flag(BOTH, "no-fatal-warnings", NO_FATAL_WARNINGS, "Do not treat warnings as errors (default)");
    b.eeq("error-limit", ERROR_LIMIT, "<n>", "Stop after <n> errors; 0 for no limit (default 20)");
    b.flag(BOTH, "color-diagnostics", COLOR_DIAGNOSTICS, "Same as --color-diagnostics=always");
    b.flag(BOTH, "no-color-diagnostics", NO_COLOR_DIAGNOSTICS, "Same as --color-diagnostics=never");
    b.joined(BOTH, "color-diagnostics=", COLOR_DIAGNOSTICS_EQ, "[auto,always,never]",
        "Whether to colour messages (default: auto)");
    b.flag(BOTH, "verbose", VERBOSE, "Say what the linker is doing");
    b.flag(BOTH, "trace", TRACE, "Name each input file as it is read");
    b.flag(SINGLE, "t", TRACE, "Same as --trace");
    b.eq(BOTH, "trace-symbol", TRACE_SYMBOL, "<symbol>", "Say where <symbol> is defined and used");
    b.joinedOrSeparate(SINGLE, "y", TRACE_SYMBOL, "<symbol>", "Same as --trace-symbol");
    b.joined(DOUBLE, "why-extract=", WHY_EXTRACT, "<file>",
        "Write why each archive member was loaded to <file> (- for standard output)");
    b.eq(BOTH, "Map", MAP, "<file>", "Write a link map to <file>");
    b.flag(BOTH, "print-map", PRINT_MAP, "Write a link map to standard output");
    b.flag(SINGLE, "M", PRINT_MAP, "Same as --print-map");
    b.eeq("reproduce", REPRODUCE, "<file>", "Write the command line and inputs to the tar file <file>");

    // Optimisation.
    b.joinedOrSeparate(SINGLE, "O", OPTIMIZE, "<level>", "Optimisation level of the output (default 1)");
    b.eq(BOTH, "mllvm", MLLVM, "<option>", "Option for LLVM (accepted and ignored)");
    b.eq(BOTH, "threads", THREADS, "<n>", "Use <n> threads (default: all)");
    b.joined(DOUBLE, "lto-O", LTO_O, "<level>", "Optimisation level for LTO (default 2)");
    b.joined(DOUBLE, "lto-CGO", LTO_CGO, "<level>", "Code generation level for LTO");
    b.joined(DOUBLE, "lto-partitions=", LTO_PARTITIONS, "<n>", "Number of LTO code generation partitions");
    b.flag(DOUBLE, "lto-debug-pass-manager", LTO_DEBUG_PASS_MANAGER, "Debug LLVM's pass manager during LTO");
    b.flag(BOTH, "disable-verify", DISABLE_VERIFY, null);
    b.flag(BOTH, "save-temps", SAVE_TEMPS, "Keep the intermediate results of LTO");
    b.joined(DOUBLE, "thinlto-cache-dir=", THINLTO_CACHE_DIR, "<dir>", "Directory for the ThinLTO cache");
    b.eeq("thinlto-cache-policy", THINLTO_CACHE_POLICY, "<policy>", "Pruning policy of the ThinLTO cache");
    b.joined(DOUBLE, "thinlto-jobs=", THINLTO_JOBS, "<n>", "ThinLTO jobs (default: --threads)");

    // The driver.
    b.eq(BOTH, "rsp-quoting", RSP_QUOTING, "[posix,windows]", "How to split response files into arguments");
    b.flag(BOTH, "help", HELP, "Print this help");
    b.flag(BOTH, "version", VERSION, "Display the version number and exit");
    b.flag(SINGLE, "v", V, "Display the version number");

    return List.copyOf(b.specs);
  }

  private static final class Builder {
    final List<Spec> specs = new ArrayList<>();

    void flag(List<String> prefixes, String name, OptionId id, String help) {
      flag(prefixes, name, id, null, help);
    }

    void flag(List<String> prefixes, String name, OptionId id, String metaVar, String help) {
      specs.add(new Spec(id, prefixes, name, Kind.FLAG, metaVar, help));
    }

    void joined(List<String> prefixes, String name, OptionId id, String metaVar, String help) {
      specs.add(new Spec(id, prefixes, name, Kind.JOINED, metaVar, help));
    }

    void separate(List<String> prefixes, String name, OptionId id, String metaVar, String help) {
      specs.add(new Spec(id, prefixes, name, Kind.SEPARATE, metaVar, help));
    }

    void joinedOrSeparate(List<String> prefixes, String name, OptionId id, String metaVar, String help) {
      specs.add(new Spec(id, prefixes, name, Kind.JOINED_OR_SEPARATE, metaVar, help));
    }

    void commaJoined(List<String> prefixes, String name, OptionId id, String metaVar, String help) {
      specs.add(new Spec(id, prefixes, name, Kind.COMMA_JOINED, metaVar, help));
    }

    /** {@code --name value} and {@code --name=value}, with the given prefixes; the help shows the joined form. */
    void eq(List<String> prefixes, String name, OptionId id, String metaVar, String help) {
      separate(prefixes, name, id, null, null);
      joined(prefixes, name + "=", id, metaVar, help);
    }

    /** {@link #eq} with two dashes only. */
    void eeq(String name, OptionId id, String metaVar, String help) {
      eq(DOUBLE, name, id, metaVar, help);
    }
  }
}
