package dev.wasmlink.linker.options;

import static dev.wasmlink.linker.options.OptionId.*;

import dev.wasmlink.linker.options.OptionTable.Parsed;
import dev.wasmlink.linker.options.OptionTable.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code wasm-ld} command line (lld 19's WebAssembly flavour) into {@link LinkOptions}.
 *
 * <p>The work is done in lld's order: {@code -flavor} first; then response files, split with the quoting of the last
 * {@code --rsp-quoting} outside them; then the options, with lld's spellings and matching (see {@link OptionTable});
 * then the values. Problems are reported in lld's words and order: unknown options, a missing value, bad numbers,
 * bad keywords. Everything the command line can be blamed for is found here; what depends on the files themselves
 * (a library that is not found, an input that cannot be read) and lld's checks of option combinations are left to
 * {@link #checkLinkable}, which the linker calls once it has decided to link.
 *
 * <p>Extensions beyond lld 19, none of which changes what lld accepts: {@code -flavor=wasm} (lld knows only
 * {@code -flavor wasm}); {@code --no-stack-first} (newer lld); every {@code --allow-undefined-file=} is read, where
 * lld reads only the last; a missing response file is reported here rather than later as a missing input.
 */
public final class WasmLdCommandLine {

  private static final Set<String> WASM_FLAVORS = Set.of("wasm", "ld-wasm");
  private static final Set<String> OTHER_FLAVORS = Set.of("ld", "ld.lld", "gnu", "link", "ld64", "ld64.lld", "darwin");

  private WasmLdCommandLine() {}

  /**
   * Parses {@code args} (without the program name). Relative response files and {@code --allow-undefined-file=}
   * files are read from the current directory.
   *
   * @throws CommandLineException if lld would reject the command line before reading any input
   */
  public static LinkOptions parse(List<String> args) {
    return parse(args, Path.of("").toAbsolutePath());
  }

  /**
   * Parses {@code args} (without the program name) as if run in {@code baseDirectory}: relative response files,
   * {@code --allow-undefined-file=} files and {@code -L} directories are read from there, and it is the options'
   * {@link LinkOptions#workingDirectory()}.
   *
   * @throws CommandLineException if lld would reject the command line before reading any input
   */
  public static LinkOptions parse(List<String> args, Path baseDirectory) {
    return new Reader(baseDirectory).read(args);
  }

  /**
   * lld's checks before linking: that there are inputs, that there is an output, and that the options go together.
   * Call it once {@link LinkOptions#help()} and {@link LinkOptions#exitAfterVersion()} have been dealt with.
   *
   * @return the warnings lld gives at this point, in order (with {@code --fatal-warnings} they are errors instead)
   * @throws CommandLineException with every error, in lld's words and order
   */
  public static List<String> checkLinkable(LinkOptions o) {
    if (o.inputs().isEmpty()) {
      throw new CommandLineException("no input files");
    }
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (o.compressRelocations() && !o.stripDebug() && !o.stripAll()) {
      errors.add("--compress-relocations is incompatible with output debug information."
          + " Please pass --strip-debug or --strip-all");
    }
    if (o.ltoPartitions() == 0) {
      errors.add("--lto-partitions: number of threads must be > 0");
    }
    if (o.pie() && o.shared()) {
      errors.add("-shared and -pie may not be used together");
    }
    if (!o.outputSpecified()) {
      errors.add("no output file specified");
    }
    if (o.importTable() && o.exportTable()) {
      errors.add("--import-table and --export-table may not be used together");
    }
    if (o.relocatable()) {
      if (o.entry() != null) {
        errors.add("entry point specified for relocatable output file");
      }
      if (o.gcSections()) {
        errors.add("-r and --gc-sections may not be used together");
      }
      if (o.compressRelocations()) {
        errors.add("-r -and --compress-relocations may not be used together");
      }
      if (!o.requiredSymbols().isEmpty()) {
        errors.add("-r -and --undefined may not be used together");
      }
      if (o.pie()) {
        errors.add("-r and -pie may not be used together");
      }
      if (o.sharedMemory()) {
        errors.add("-r and --shared-memory may not be used together");
      }
      if (o.globalBase() != null && o.globalBase() != 0) {
        errors.add("-r and --global-base may not by used together");
      }
    }
    if (!o.experimentalPic()) {
      if (o.shared()) {
        warnings.add("creating shared libraries, with -shared, is not yet stable");
      }
      if (o.pie()) {
        warnings.add("creating PIEs, with -pie, is not yet stable");
      }
      if (o.unresolvedSymbols() == UnresolvedSymbols.IMPORT_DYNAMIC) {
        warnings.add("dynamic imports are not yet stable (--unresolved-symbols=import-dynamic)");
      }
    }
    if (o.bsymbolic() && !o.shared()) {
      warnings.add("-Bsymbolic is only meaningful when combined with -shared");
    }
    if (o.isPic()) {
      if (o.globalBase() != null && o.globalBase() != 0) {
        errors.add("--global-base may not be used with -shared/-pie");
      }
      if (o.tableBase() != null && o.tableBase() != 0) {
        errors.add("--table-base may not be used with -shared/-pie");
      }
    }
    if (o.fatalWarnings()) {
      errors.addAll(warnings);
      warnings.clear();
    }
    if (!errors.isEmpty()) {
      throw new CommandLineException(errors);
    }
    return List.copyOf(warnings);
  }

  /** Errors and warnings in the order they arise; with --fatal-warnings a warning is an error. */
  private static final class Diagnostics {
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean fatalWarnings;

    void error(String message) {
      errors.add(message);
    }

    void warn(String message) {
      if (fatalWarnings) {
        errors.add(message);
      } else {
        warnings.add(message);
      }
    }

    /** A version asked for alongside the errors: wasm-ld prints it all the same. */
    private boolean versionRequested;

    void throwIfErrors() {
      if (!errors.isEmpty()) {
        throw new CommandLineException(errors, versionRequested);
      }
    }
  }

  private static final class Reader {
    private final Path baseDirectory;
    private final Diagnostics diagnostics = new Diagnostics();
    /** Where the value checks report: {@link #diagnostics}, or nowhere for --help, which lld answers first. */
    private Diagnostics config = diagnostics;
    private final LinkOptions.Builder builder = LinkOptions.builder();

    Reader(Path baseDirectory) {
      this.baseDirectory = baseDirectory;
      builder.workingDirectory(baseDirectory);
    }

    LinkOptions read(List<String> args) {
      List<String> arguments = new ArrayList<>(args);
      builder.flavor(takeFlavor(arguments));

      Result r = OptionTable.parse(arguments);
      ResponseFiles.Quoting quoting = quoting(r);
      builder.rspQuoting(quoting);
      if (ResponseFiles.hasResponseFile(arguments)) {
        // The quoting is read before expanding, since it says how to split the files; then everything is read again.
        arguments = ResponseFiles.expand(arguments, quoting, baseDirectory);
        r = OptionTable.parse(arguments);
      }
      readColorDiagnostics(r);
      if (r.missingArgument() != null) {
        diagnostics.error(r.missingArgument() + ": missing argument");
      }
      for (Parsed unknown : r.all(UNKNOWN)) {
        diagnostics.error("unknown argument: " + unknown.argString());
      }
      diagnostics.versionRequested = r.has(VERSION) || r.has(V);
      diagnostics.throwIfErrors();

      builder.errorLimit((int) integer(r.last(ERROR_LIMIT), 20));
      boolean fatalWarnings = r.flag(FATAL_WARNINGS, NO_FATAL_WARNINGS, false);
      builder.fatalWarnings(fatalWarnings);
      diagnostics.fatalWarnings = fatalWarnings;
      for (String keyword : r.values(Z)) {
        builder.addZOption(keyword);
        if (!keyword.startsWith("stack-size=")) {
          diagnostics.warn("unknown -z value: " + keyword);
        }
      }

      boolean help = r.has(HELP);
      builder.help(help);
      if (help) {
        config = new Diagnostics();
      }
      // wasm-ld prints the version and exits for -v too, inputs or not.
      boolean versionOnly = r.has(VERSION) || r.has(V);
      builder.version(r.has(VERSION) || r.has(V));
      builder.exitAfterVersion(versionOnly);

      readConfig(r);
      readInputs(r, !help && !versionOnly);
      readAllowUndefinedFiles(r, !help && !versionOnly);

      diagnostics.throwIfErrors();
      for (String warning : diagnostics.warnings) {
        builder.addWarning(warning);
      }
      return builder.build();
    }

    // ---- before the options ----

    /** lld's own driver takes {@code -flavor NAME} when it comes first, before anything else is read. */
    private static String takeFlavor(List<String> arguments) {
      if (arguments.isEmpty()) {
        return null;
      }
      String first = arguments.get(0);
      String flavor;
      if (first.equals("-flavor")) {
        if (arguments.size() < 2) {
          throw new CommandLineException("missing arg value for '-flavor'");
        }
        flavor = arguments.get(1);
        arguments.subList(0, 2).clear();
      } else if (first.startsWith("-flavor=")) {
        flavor = first.substring("-flavor=".length());
        arguments.remove(0);
      } else {
        return null;
      }
      String lower = flavor.toLowerCase(Locale.ROOT);
      if (WASM_FLAVORS.contains(lower)) {
        return "wasm";
      }
      if (OTHER_FLAVORS.contains(lower)) {
        throw new CommandLineException(
            "-flavor " + flavor + ": this linker only links WebAssembly; use -flavor wasm");
      }
      throw new CommandLineException("Unknown flavor: " + flavor);
    }

    /** The last --rsp-quoting outside response files decides how they are split, as in lld. */
    private ResponseFiles.Quoting quoting(Result unexpanded) {
      Parsed option = unexpanded.last(RSP_QUOTING);
      if (option == null) {
        return ResponseFiles.Quoting.platformDefault();
      }
      ResponseFiles.Quoting quoting = ResponseFiles.Quoting.fromFlagValue(option.value());
      if (quoting == null) {
        diagnostics.error("invalid response file quoting: " + option.value());
        return ResponseFiles.Quoting.POSIX;
      }
      return quoting;
    }

    private void readColorDiagnostics(Result r) {
      Parsed option = r.last(COLOR_DIAGNOSTICS, NO_COLOR_DIAGNOSTICS, COLOR_DIAGNOSTICS_EQ);
      if (option == null) {
        return;
      }
      if (option.id() == COLOR_DIAGNOSTICS) {
        builder.colorDiagnosticsMode("always");
      } else if (option.id() == NO_COLOR_DIAGNOSTICS) {
        builder.colorDiagnosticsMode("never");
      } else if (List.of("auto", "always", "never").contains(option.value())) {
        builder.colorDiagnosticsMode(option.value());
      } else {
        diagnostics.error("unknown option: --color-diagnostics=" + option.value());
      }
    }

    // ---- the options, in the order lld reads them ----

    private void readConfig(Result r) {
      builder.bsymbolic(r.has(BSYMBOLIC));
      builder.checkFeatures(r.flag(CHECK_FEATURES, NO_CHECK_FEATURES, true));
      builder.compressRelocations(r.has(COMPRESS_RELOCATIONS));
      builder.demangle(r.flag(DEMANGLE, NO_DEMANGLE, true));
      builder.disableVerify(r.has(DISABLE_VERIFY));
      builder.emitRelocs(r.has(EMIT_RELOCS));
      builder.experimentalPic(r.has(EXPERIMENTAL_PIC));

      Parsed entry = r.last(ENTRY, NO_ENTRY);
      if (entry != null && entry.id() == NO_ENTRY) {
        builder.noEntry(true);
      } else if (entry != null) {
        builder.entry(entry.value());
      }

      builder.exportAll(r.has(EXPORT_ALL));
      builder.exportTable(r.has(EXPORT_TABLE));
      builder.growableTable(r.has(GROWABLE_TABLE));

      // As in lld, the forms with a name win over the plain flags wherever they stand.
      Parsed importMemory = r.last(IMPORT_MEMORY_WITH_NAME);
      if (importMemory != null) {
        String value = importMemory.value();
        int comma = value.indexOf(',');
        builder.importMemory(
            comma < 0 ? value : value.substring(0, comma), comma < 0 ? "" : value.substring(comma + 1));
      } else if (r.has(IMPORT_MEMORY)) {
        builder.importMemory(true);
      }
      Parsed exportMemory = r.last(EXPORT_MEMORY_WITH_NAME);
      if (exportMemory != null) {
        builder.exportMemory(exportMemory.value());
      } else if (r.has(EXPORT_MEMORY)) {
        builder.exportMemory(true);
      }

      builder.sharedMemory(r.has(SHARED_MEMORY));
      builder.soname(lastValue(r, SONAME));
      builder.importTable(r.has(IMPORT_TABLE));
      builder.importUndefined(r.has(IMPORT_UNDEFINED));

      Parsed ltoO = r.last(LTO_O);
      long ltoLevel = integer(ltoO, 2);
      if (ltoO != null && (ltoLevel < 0 || ltoLevel > 3)) {
        config.error("invalid optimization level for LTO: " + unsigned32(ltoLevel));
      }
      builder.ltoOptimization((int) ltoLevel);
      Parsed ltoCgo = r.last(LTO_CGO);
      if (ltoCgo != null) {
        long level = integer(ltoCgo, 0);
        if (level < 0 || level > 3) {
          config.error("invalid codegen optimization level for LTO: " + unsigned32(level));
        }
        builder.ltoCodegenOptimization((int) level);
      }
      builder.ltoPartitions((int) integer(r.last(LTO_PARTITIONS), 1));
      builder.ltoDebugPassManager(r.has(LTO_DEBUG_PASS_MANAGER));

      builder.mapFile(path(lastValue(r, MAP)));
      builder.optimization((int) integer(r.last(OPTIMIZE), 1));
      builder.output(path(lastValue(r, OUTPUT)));
      boolean relocatable = r.has(RELOCATABLE);
      builder.relocatable(relocatable);
      if (r.has(GC_SECTIONS) || r.has(NO_GC_SECTIONS)) {
        builder.gcSections(r.flag(GC_SECTIONS, NO_GC_SECTIONS, true));
      }
      r.values(KEEP_SECTION).forEach(builder::addKeepSection);
      if (r.has(MERGE_DATA_SEGMENTS) || r.has(NO_MERGE_DATA_SEGMENTS)) {
        builder.mergeDataSegments(r.flag(MERGE_DATA_SEGMENTS, NO_MERGE_DATA_SEGMENTS, true));
      }
      boolean pie = r.flag(PIE, NO_PIE, false);
      builder.pie(pie);
      builder.printGcSections(r.flag(PRINT_GC_SECTIONS, NO_PRINT_GC_SECTIONS, false));
      builder.saveTemps(r.has(SAVE_TEMPS));
      for (String directory : r.values(LIBRARY_PATH)) {
        Path path = path(directory);
        if (path != null) {
          builder.addLibrarySearchPath(path);
        }
      }
      boolean shared = r.has(SHARED);
      builder.shared(shared);
      builder.shlibSigcheck(!r.has(NO_SHLIB_SIGCHECK));
      builder.stripAll(r.has(STRIP_ALL));
      builder.stripDebug(r.has(STRIP_DEBUG));
      Parsed stackFirst = r.last(STACK_FIRST, NO_STACK_FIRST);
      builder.stackFirst(stackFirst == null ? null : stackFirst.id() == STACK_FIRST);
      builder.trace(r.has(TRACE));
      builder.thinLtoCacheDir(lastValue(r, THINLTO_CACHE_DIR));
      builder.thinLtoCachePolicy(lastValue(r, THINLTO_CACHE_POLICY));

      builder.warnUnresolvedSymbols(!r.flag(ERROR_UNRESOLVED_SYMBOLS, WARN_UNRESOLVED_SYMBOLS, true));
      Parsed unresolved = r.last(UNRESOLVED_SYMBOLS);
      if (unresolved != null) {
        UnresolvedSymbols policy = UnresolvedSymbols.fromFlagValue(unresolved.value());
        if (policy == null) {
          config.error("unknown --unresolved-symbols value: " + unresolved.value());
        } else {
          builder.unresolvedSymbols(policy);
        }
      }
      builder.whyExtract(path(lastValue(r, WHY_EXTRACT)));
      builder.verbose(r.has(VERBOSE));

      builder.tableBase(optionalInteger(r.last(TABLE_BASE)));
      builder.globalBase(optionalInteger(r.last(GLOBAL_BASE)));
      builder.initialHeap(optionalInteger(r.last(INITIAL_HEAP)));
      builder.initialMemory(optionalInteger(r.last(INITIAL_MEMORY)));
      Long maxMemory = optionalInteger(r.last(MAX_MEMORY));
      builder.maxMemory(maxMemory);
      boolean noGrowableMemory = r.has(NO_GROWABLE_MEMORY);
      builder.noGrowableMemory(noGrowableMemory);
      builder.zStackSize(zStackSize(r));

      Parsed linkStatic = r.last(BSTATIC, BDYNAMIC);
      builder.linkStatic(linkStatic == null ? null : linkStatic.id() == BSTATIC);
      if (maxMemory != null && maxMemory != 0 && noGrowableMemory) {
        config.error("--max-memory is incompatible with --no-growable-memory");
      }
      if (r.has(EXPORT_DYNAMIC) || r.has(NO_EXPORT_DYNAMIC)) {
        builder.exportDynamic(r.flag(EXPORT_DYNAMIC, NO_EXPORT_DYNAMIC, false));
      }

      Parsed machine = r.last(MACHINE);
      if (machine != null) {
        if (machine.value().equals("wasm32") || machine.value().equals("wasm64")) {
          builder.machine(machine.value());
        } else {
          config.error("invalid target architecture: " + machine.value());
        }
      }

      Parsed threads = r.last(THREADS);
      if (threads != null) {
        Long count = Numbers.parseUnsigned(threads.value());
        if (count == null || count == 0 || count > 0xffff_ffffL) {
          config.error(threads.prefix() + "threads: expected a positive integer, but got '" + threads.value() + "'");
        } else {
          builder.threads((int) Math.min(count, Integer.MAX_VALUE));
        }
        builder.thinLtoJobs(threads.value());
      }
      Parsed thinLtoJobs = r.last(THINLTO_JOBS);
      if (thinLtoJobs != null) {
        builder.thinLtoJobs(thinLtoJobs.value());
      }

      Parsed features = r.last(FEATURES);
      if (features != null) {
        builder.features(features.values());
      }
      Parsed extraFeatures = r.last(EXTRA_FEATURES);
      if (extraFeatures != null) {
        builder.extraFeatures(extraFeatures.values());
      }

      builder.allowUndefined(r.has(ALLOW_UNDEFINED));
      builder.printMap(r.has(PRINT_MAP));
      readBuildId(r);

      r.values(EXPORT).forEach(builder::addExport);
      r.values(EXPORT_IF_DEFINED).forEach(builder::addExportIfDefined);
      r.values(UNDEFINED).forEach(builder::addRequiredSymbol);
      r.values(TRACE_SYMBOL).forEach(builder::addTraceSymbol);
      r.values(WRAP).forEach(builder::addWrapSymbol);
      r.values(MLLVM).forEach(builder::addMllvm);
      builder.reproduce(lastValue(r, REPRODUCE));

      // lld's setConfigs: combinations it refuses before looking at any input.
      boolean pic = pie || shared;
      if (pic && r.has(EXPORT_TABLE)) {
        config.error("-shared/-pie is incompatible with --export-table");
      }
      if (relocatable) {
        if (r.has(EXPORT_TABLE)) {
          config.error("--relocatable is incompatible with --export-table");
        }
        if (r.has(GROWABLE_TABLE)) {
          config.error("--relocatable is incompatible with --growable-table");
        }
      }
      if (shared && (exportMemory != null || r.has(EXPORT_MEMORY))) {
        config.error("--export-memory is incompatible with --shared");
      }
    }

    private void readBuildId(Result r) {
      Parsed option = r.last(BUILD_ID, BUILD_ID_EQ);
      if (option == null) {
        return;
      }
      if (option.id() == BUILD_ID) {
        builder.buildId("fast");
        return;
      }
      String style = option.value();
      switch (style) {
        case "fast", "sha1", "uuid" -> builder.buildId(style);
        case "tree" -> builder.buildId("sha1");
        case "none" -> builder.buildId(null);
        default -> {
          if (style.startsWith("0x")) {
            builder.buildId(style);
          } else {
            config.error("unknown --build-id style: " + style);
          }
        }
      }
    }

    /** lld's {@code -z stack-size=}: the last one wins; its number may be decimal, 0x hex, 0b binary or 0 octal. */
    private Long zStackSize(Result r) {
      List<String> keywords = r.values(Z);
      for (int i = keywords.size() - 1; i >= 0; i--) {
        String keyword = keywords.get(i);
        int equals = keyword.indexOf('=');
        String key = equals < 0 ? keyword : keyword.substring(0, equals);
        if (key.equals("stack-size")) {
          String number = equals < 0 ? "" : keyword.substring(equals + 1);
          Long size = Numbers.parseUnsigned(number);
          if (size == null) {
            config.error("invalid stack-size: " + number);
          }
          return size;
        }
      }
      return null;
    }

    // ---- inputs ----

    private void readInputs(Result r, boolean report) {
      boolean wholeArchive = false;
      boolean inLib = false;
      // lld's -Bdynamic (libNAME.so before libNAME.a in each directory) holds from where it is given to the next
      // -Bstatic, and from the start in a position-independent link. A relocatable output takes archives only, as
      // lld does after 19 (19 took a .so and wrote its dylink.0 into the object).
      boolean relocatable = r.has(RELOCATABLE);
      boolean searchShared = !relocatable && (r.flag(PIE, NO_PIE, false) || r.has(SHARED));
      for (Parsed argument : r.arguments()) {
        switch (argument.id()) {
          case INPUT -> {
            Path path = path(argument.value());
            if (path != null) {
              builder.addInput(new FileInput(path, wholeArchive, inLib));
            }
          }
          case LIBRARY -> builder.addInput(new LibraryInput(argument.value(), wholeArchive, searchShared));
          case BSTATIC -> searchShared = false;
          case BDYNAMIC -> searchShared = !relocatable;
          case WHOLE_ARCHIVE -> wholeArchive = true;
          case NO_WHOLE_ARCHIVE -> wholeArchive = false;
          case START_LIB -> {
            if (inLib && report) {
              diagnostics.error("nested --start-lib");
            }
            inLib = true;
          }
          case END_LIB -> {
            if (!inLib && report) {
              diagnostics.error("stray --end-lib");
            }
            inLib = false;
          }
          default -> {}
        }
      }
    }

    private void readAllowUndefinedFiles(Result r, boolean read) {
      for (String name : r.values(ALLOW_UNDEFINED_FILE)) {
        if (name.isEmpty()) {
          if (read) {
            diagnostics.error("cannot open : No such file or directory");
          }
          continue;
        }
        Path file = path(name);
        if (file == null) {
          continue;
        }
        builder.addAllowUndefinedFile(file);
        if (!read) {
          continue;
        }
        try {
          Path resolved = baseDirectory.resolve(file);
          if (Files.isDirectory(resolved)) {
            diagnostics.error("cannot open " + name + ": Is a directory");
            continue;
          }
          String text = Files.readString(resolved, StandardCharsets.UTF_8);
          for (String line : text.split("\n", -1)) {
            String symbol = line.strip();
            if (!symbol.isEmpty() && !symbol.startsWith("#")) {
              builder.addAllowedUndefinedSymbol(symbol);
            }
          }
        } catch (IOException e) {
          diagnostics.error("cannot open " + name + ": " + ResponseFiles.reason(e));
        }
      }
    }

    // ---- values ----

    private static String lastValue(Result r, OptionId id) {
      Parsed option = r.last(id);
      return option == null ? null : option.value();
    }

    /** A path, or {@code null} for an empty value (which lld treats as absent). */
    private Path path(String value) {
      if (value == null || value.isEmpty()) {
        return null;
      }
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        config.error("invalid path: " + value);
        return null;
      }
    }

    /** lld's {@code args::getInteger}: a signed decimal number, else an error naming the argument as written. */
    private long integer(Parsed option, long otherwise) {
      Long value = optionalInteger(option);
      return value == null ? otherwise : value;
    }

    private Long optionalInteger(Parsed option) {
      if (option == null) {
        return null;
      }
      Long value = Numbers.parseDecimal(option.value());
      if (value == null) {
        config.error(option.argString() + ": number expected, but got '" + option.value() + "'");
        return 0L;
      }
      return value;
    }

    private static String unsigned32(long value) {
      return Integer.toUnsignedString((int) value);
    }
  }

  /** Number parsing as LLVM's {@code StringRef::getAsInteger} does it. */
  static final class Numbers {
    private Numbers() {}

    /** A signed decimal number: an optional minus, then digits only. {@code null} if malformed or out of range. */
    static Long parseDecimal(String text) {
      int start = text.startsWith("-") ? 1 : 0;
      if (text.length() == start || !allDigits(text, start, 10)) {
        return null;
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /**
     * An unsigned number whose radix comes from its prefix: {@code 0x} (hex), {@code 0b} (binary), {@code 0o} or a
     * leading {@code 0} (octal), else decimal. {@code null} if malformed or past 64 bits.
     */
    static Long parseUnsigned(String text) {
      String digits = text;
      int radix = 10;
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.startsWith("0x")) {
        radix = 16;
        digits = text.substring(2);
      } else if (lower.startsWith("0b")) {
        radix = 2;
        digits = text.substring(2);
      } else if (text.startsWith("0o")) {
        radix = 8;
        digits = text.substring(2);
      } else if (text.length() > 1 && text.charAt(0) == '0' && Character.isDigit(text.charAt(1))) {
        radix = 8;
        digits = text.substring(1);
      }
      if (digits.isEmpty() || !allDigits(digits, 0, radix)) {
        return null;
      }
      try {
        return Long.parseUnsignedLong(digits, radix);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private static boolean allDigits(String text, int start, int radix) {
      for (int i = start; i < text.length(); i++) {
        if (Character.digit(text.charAt(i), radix) < 0 || text.charAt(i) > 'z') {
          return false;
        }
      }
      return true;
    }
  }
}
