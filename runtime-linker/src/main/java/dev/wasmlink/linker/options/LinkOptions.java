package dev.wasmlink.linker.options;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a {@code wasm-ld} command line says, immutable. {@link WasmLdCommandLine#parse} makes one from
 * arguments; {@link #builder()} makes one in code. Flags the linker does not act on yet are kept all the same.
 *
 * <p>Values are lld 19's, defaults included: where lld derives a setting from others (the entry point from
 * {@code -r}/{@code --shared}, memory import and export from each other and from {@code --shared}, ...), the
 * component holds the derived value and, where it matters, a companion holds what the command line said.
 * Numbers that lld only takes when given ({@code --initial-memory=} and the like) are {@code null} when absent.
 *
 * @param inputs files and {@code -l} libraries, in command-line order
 * @param librarySearchPaths the {@code -L} directories, in order
 * @param linkStatic the last of {@code -Bstatic} ({@code true}) and {@code -Bdynamic} ({@code false}); {@code null}
 *     when neither was given
 * @param output {@code -o}; {@code a.out} when not given (lld itself refuses to link without {@code -o}: see
 *     {@link #outputSpecified} and {@link WasmLdCommandLine#checkLinkable})
 * @param outputSpecified whether {@code -o} was given
 * @param machine {@code -m}: {@code wasm32} or {@code wasm64}, or {@code null} to follow the inputs
 * @param flavor {@code wasm} when the command line started with {@code -flavor wasm}, else {@code null}
 * @param relocatable {@code -r} / {@code --relocatable}
 * @param shared {@code --shared}
 * @param pie {@code --pie} (the last of {@code --pie} and {@code --no-pie})
 * @param experimentalPic {@code --experimental-pic}
 * @param soname {@code --soname}, or {@code null}
 * @param buildId {@code --build-id}: {@code fast}, {@code sha1}, {@code uuid} or {@code 0x<hex>}; {@code null} for
 *     none
 * @param bsymbolic {@code --Bsymbolic}
 * @param entry the entry point: {@code --entry}/{@code -e}, else {@code _start}, or {@code __wasm_call_ctors} with
 *     {@code --shared}; {@code null} for none ({@code --no-entry}, {@code -r}, or an empty {@code --entry=})
 * @param noEntry {@code --no-entry} was given after any {@code --entry}
 * @param exports {@code --export} symbols, in order, each once
 * @param exportsIfDefined {@code --export-if-defined} symbols, in order, each once
 * @param exportAll {@code --export-all}
 * @param exportDynamic the last of {@code --export-dynamic}/{@code -E} and {@code --no-export-dynamic}; by default
 *     {@link #shared}
 * @param exportTable {@code --export-table}
 * @param growableTable {@code --growable-table}
 * @param importTable whether the table is imported: {@code --import-table}, or implied by {@code --shared},
 *     {@code --pie} or {@code -r}
 * @param importTableExplicit whether {@code --import-table} was given
 * @param importMemory whether the memory is imported: {@code --import-memory[=...]}, or implied by {@code --shared}
 * @param importMemoryExplicit whether {@code --import-memory} or {@code --import-memory=} was given
 * @param memoryImportModule the module the memory is imported from ({@code env} by default); {@code null} when the
 *     memory is not imported
 * @param memoryImportName the name the memory is imported as ({@code memory} by default); {@code null} when the
 *     memory is not imported
 * @param exportMemory whether the memory is exported: {@code --export-memory[=name]}, or by default when it is not
 *     imported
 * @param exportMemoryExplicit whether {@code --export-memory} or {@code --export-memory=} was given
 * @param memoryExportName the name the memory is exported as ({@code memory} by default); {@code null} when it is not
 *     exported
 * @param unresolvedSymbols {@code --unresolved-symbols=}; {@link UnresolvedSymbols#IGNORE_ALL} with
 *     {@code --allow-undefined}
 * @param warnUnresolvedSymbols the last of {@code --warn-unresolved-symbols} and {@code --error-unresolved-symbols}
 *     was the first: report undefined symbols as warnings
 * @param allowUndefined {@code --allow-undefined}
 * @param importUndefined {@code --import-undefined}, or {@code --allow-undefined}
 * @param allowUndefinedFiles the {@code --allow-undefined-file=} files, in order
 * @param allowedUndefinedSymbols the symbols those files list, in order, each once
 * @param requiredSymbols {@code -u}/{@code --undefined} symbols, in order, each once
 * @param wrapSymbols {@code --wrap} symbols, in order, each once
 * @param initialMemory {@code --initial-memory=} (or {@code -i}), or {@code null}
 * @param maxMemory {@code --max-memory=}, or {@code null}
 * @param noGrowableMemory {@code --no-growable-memory}
 * @param initialHeap {@code --initial-heap=}, or {@code null}
 * @param globalBase {@code --global-base=} as given, or {@code null}; see {@link #globalBaseOrDefault()}
 * @param tableBase {@code --table-base=} as given, or {@code null}; see {@link #tableBaseOrDefault()}
 * @param stackFirst the last of {@code --stack-first} and {@code --no-stack-first}, or {@code null} for the default
 *     (no, in lld 19)
 * @param zStackSize {@code -z stack-size=}, or {@code null}; see {@link #stackSize()}
 * @param sharedMemory {@code --shared-memory}
 * @param gcSections the last of {@code --gc-sections} and {@code --no-gc-sections}; by default yes, except with
 *     {@code -r}
 * @param printGcSections {@code --print-gc-sections}
 * @param stripAll {@code --strip-all}/{@code -s}
 * @param stripDebug {@code --strip-debug}/{@code -S}
 * @param keepSections {@code --keep-section} names, in order, each once
 * @param mergeDataSegments the last of {@code --merge-data-segments} and {@code --no-merge-data-segments}; by
 *     default yes, except with {@code -r}
 * @param compressRelocations {@code --compress-relocations}
 * @param emitRelocs {@code --emit-relocs}
 * @param checkFeatures the last of {@code --check-features} and {@code --no-check-features}; yes by default
 * @param features the {@code --features=} list (the last one given); empty when not given
 * @param featuresSpecified whether {@code --features=} was given (an empty list then means no features)
 * @param extraFeatures the {@code --extra-features=} list (the last one given); empty when not given
 * @param shlibSigcheck no {@code --no-shlib-sigcheck}
 * @param demangle the last of {@code --demangle} and {@code --no-demangle}; yes by default
 * @param fatalWarnings the last of {@code --fatal-warnings} and {@code --no-fatal-warnings}
 * @param errorLimit {@code --error-limit=}: stop after this many errors, 0 for no limit; 20 by default
 * @param verbose {@code --verbose}
 * @param colorDiagnosticsMode {@code auto}, {@code always} or {@code never}, from the last of
 *     {@code --color-diagnostics[=...]} and {@code --no-color-diagnostics}
 * @param trace {@code --trace}/{@code -t}
 * @param traceSymbols {@code --trace-symbol}/{@code -y} symbols, in order, each once
 * @param whyExtract {@code --why-extract=} file ({@code -} for standard output), or {@code null}
 * @param mapFile {@code -Map} file, or {@code null}
 * @param printMap {@code --print-map}/{@code -M}: write the map to standard output (lld lets this win over
 *     {@code -Map})
 * @param reproduce {@code --reproduce}, or {@code null}
 * @param optimization {@code -O}: 1 by default
 * @param ltoOptimization {@code --lto-O}: 2 by default
 * @param ltoCodegenOptimization {@code --lto-CGO}, or {@code null} to follow {@link #ltoOptimization}
 * @param ltoPartitions {@code --lto-partitions=}: 1 by default
 * @param ltoDebugPassManager {@code --lto-debug-pass-manager}
 * @param disableVerify {@code --disable-verify}
 * @param saveTemps {@code --save-temps}
 * @param thinLtoCacheDir {@code --thinlto-cache-dir=}, or {@code null}
 * @param thinLtoCachePolicy {@code --thinlto-cache-policy}, or {@code null}
 * @param thinLtoJobs {@code --thinlto-jobs=} (else the {@code --threads} value), or {@code null}
 * @param mllvm {@code -mllvm} values, in order (accepted and ignored)
 * @param threads {@code --threads=}, or {@code null} for all hardware threads
 * @param help {@code --help}
 * @param version {@code --version} or {@code -v}
 * @param exitAfterVersion print the version and stop: {@code --version} or {@code -v}, as wasm-ld does
 * @param rspQuoting how response files were split
 * @param zOptions every {@code -z} keyword, in order, as given
 * @param warnings what lld would warn about while reading this command line, in order
 * @param workingDirectory the directory relative paths are relative to: the linker's own for a one-shot link, the
 *     client's for a link the resident daemon runs (a JVM cannot change its directory); paths keep their spelling
 *     for messages and are resolved against it only to be opened
 */
public record LinkOptions(
    List<InputArgument> inputs,
    List<Path> librarySearchPaths,
    Boolean linkStatic,
    Path output,
    boolean outputSpecified,
    String machine,
    String flavor,
    boolean relocatable,
    boolean shared,
    boolean pie,
    boolean experimentalPic,
    String soname,
    String buildId,
    boolean bsymbolic,
    String entry,
    boolean noEntry,
    List<String> exports,
    List<String> exportsIfDefined,
    boolean exportAll,
    boolean exportDynamic,
    boolean exportTable,
    boolean growableTable,
    boolean importTable,
    boolean importTableExplicit,
    boolean importMemory,
    boolean importMemoryExplicit,
    String memoryImportModule,
    String memoryImportName,
    boolean exportMemory,
    boolean exportMemoryExplicit,
    String memoryExportName,
    UnresolvedSymbols unresolvedSymbols,
    boolean warnUnresolvedSymbols,
    boolean allowUndefined,
    boolean importUndefined,
    List<Path> allowUndefinedFiles,
    Set<String> allowedUndefinedSymbols,
    List<String> requiredSymbols,
    List<String> wrapSymbols,
    Long initialMemory,
    Long maxMemory,
    boolean noGrowableMemory,
    Long initialHeap,
    Long globalBase,
    Long tableBase,
    Boolean stackFirst,
    Long zStackSize,
    boolean sharedMemory,
    boolean gcSections,
    boolean printGcSections,
    boolean stripAll,
    boolean stripDebug,
    List<String> keepSections,
    boolean mergeDataSegments,
    boolean compressRelocations,
    boolean emitRelocs,
    boolean checkFeatures,
    List<String> features,
    boolean featuresSpecified,
    List<String> extraFeatures,
    boolean shlibSigcheck,
    boolean demangle,
    boolean fatalWarnings,
    int errorLimit,
    boolean verbose,
    String colorDiagnosticsMode,
    boolean trace,
    List<String> traceSymbols,
    Path whyExtract,
    Path mapFile,
    boolean printMap,
    String reproduce,
    int optimization,
    int ltoOptimization,
    Integer ltoCodegenOptimization,
    int ltoPartitions,
    boolean ltoDebugPassManager,
    boolean disableVerify,
    boolean saveTemps,
    String thinLtoCacheDir,
    String thinLtoCachePolicy,
    String thinLtoJobs,
    List<String> mllvm,
    Integer threads,
    boolean help,
    boolean version,
    boolean exitAfterVersion,
    ResponseFiles.Quoting rspQuoting,
    List<String> zOptions,
    List<String> warnings,
    Path workingDirectory) {

  /** lld's stack size when there is no {@code -z stack-size=}: one 64 KiB page. */
  public static final long DEFAULT_STACK_SIZE = 65536;

  /** Where static data starts by default when the stack does not come first. */
  public static final long DEFAULT_GLOBAL_BASE = 1024;

  /** The first table index by default; 0 stays the null function pointer. */
  public static final long DEFAULT_TABLE_BASE = 1;

  public LinkOptions {
    inputs = List.copyOf(inputs);
    librarySearchPaths = List.copyOf(librarySearchPaths);
    Objects.requireNonNull(output, "output");
    exports = List.copyOf(exports);
    exportsIfDefined = List.copyOf(exportsIfDefined);
    Objects.requireNonNull(unresolvedSymbols, "unresolvedSymbols");
    allowUndefinedFiles = List.copyOf(allowUndefinedFiles);
    allowedUndefinedSymbols = Collections.unmodifiableSet(new LinkedHashSet<>(allowedUndefinedSymbols));
    requiredSymbols = List.copyOf(requiredSymbols);
    wrapSymbols = List.copyOf(wrapSymbols);
    keepSections = List.copyOf(keepSections);
    features = List.copyOf(features);
    extraFeatures = List.copyOf(extraFeatures);
    Objects.requireNonNull(colorDiagnosticsMode, "colorDiagnosticsMode");
    traceSymbols = List.copyOf(traceSymbols);
    mllvm = List.copyOf(mllvm);
    Objects.requireNonNull(rspQuoting, "rspQuoting");
    zOptions = List.copyOf(zOptions);
    warnings = List.copyOf(warnings);
  }

  /** The options of a command line that says nothing: lld's defaults. */
  public static LinkOptions defaults() {
    return builder().build();
  }

  /** A builder with lld's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  // ---- derived values ----

  /** The stack size: {@code -z stack-size=}, else {@value #DEFAULT_STACK_SIZE}. */
  public long stackSize() {
    return zStackSize != null ? zStackSize : DEFAULT_STACK_SIZE;
  }

  /** Whether the output is position-independent: {@code --pie} or {@code --shared}. */
  public boolean isPic() {
    return pie || shared;
  }

  /** The opposite of {@link #checkFeatures}: {@code --no-check-features} won. */
  public boolean noCheckFeatures() {
    return !checkFeatures;
  }

  /** Whether diagnostics are to be coloured: {@code --color-diagnostics} or {@code =always}. */
  public boolean colorDiagnostics() {
    return colorDiagnosticsMode.equals("always");
  }

  /** Whether {@code --stack-first} is in effect (it is not by default in lld 19). */
  public boolean stackFirstEffective() {
    return Boolean.TRUE.equals(stackFirst);
  }

  /**
   * Where static data starts, as lld 19 decides: 0 for position-independent output (it is relative to
   * {@code __memory_base}); {@code --global-base=} when given and not 0; else 0 with {@code -r} or
   * {@code --stack-first}, and {@value #DEFAULT_GLOBAL_BASE} otherwise.
   */
  public long globalBaseOrDefault() {
    if (isPic()) {
      return 0;
    }
    if (globalBase != null && globalBase != 0) {
      return globalBase;
    }
    return relocatable || stackFirstEffective() ? 0 : DEFAULT_GLOBAL_BASE;
  }

  /**
   * The first table index for address-taken functions, as lld 19 decides: 0 for position-independent output (it is
   * relative to {@code __table_base}); {@code --table-base=} when given and not 0; else {@value #DEFAULT_TABLE_BASE}.
   */
  public long tableBaseOrDefault() {
    if (isPic()) {
      return 0;
    }
    return tableBase != null && tableBase != 0 ? tableBase : DEFAULT_TABLE_BASE;
  }

  /** The file inputs only, in order. */
  public List<FileInput> fileInputs() {
    List<FileInput> files = new ArrayList<>();
    for (InputArgument input : inputs) {
      if (input instanceof FileInput file) {
        files.add(file);
      }
    }
    return files;
  }

  /**
   * Looks a library up as lld does for {@code -lNAME} under {@code -Bstatic}: the first {@code -L} directory, in
   * order, that holds {@code libNAME.a}; or, for {@code -l:FILE} (a {@code name} starting with a colon), the first
   * that holds {@code FILE}. Relative directories are relative to {@link #workingDirectory()}; the path found is
   * spelled as the directory was.
   *
   * @param name what followed {@code -l}
   */
  public Optional<Path> findLibrary(String name) {
    return findLibrary(name, false);
  }

  /**
   * {@link #findLibrary(String)}, where {@code allowShared} also looks for {@code libNAME.so}, before
   * {@code libNAME.a} in each directory, as lld does while {@code -Bdynamic} is in effect (see
   * {@link LibraryInput#searchShared}).
   */
  public Optional<Path> findLibrary(String name, boolean allowShared) {
    if (name.startsWith(":")) {
      return findInSearchPaths(name.substring(1));
    }
    for (Path directory : librarySearchPaths) {
      if (allowShared) {
        Optional<Path> shared = existing(directory, "lib" + name + ".so");
        if (shared.isPresent()) {
          return shared;
        }
      }
      Optional<Path> archive = existing(directory, "lib" + name + ".a");
      if (archive.isPresent()) {
        return archive;
      }
    }
    return Optional.empty();
  }

  private Optional<Path> findInSearchPaths(String fileName) {
    for (Path directory : librarySearchPaths) {
      Optional<Path> found = existing(directory, fileName);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Path> existing(Path directory, String fileName) {
    try {
      Path candidate = directory.resolve(fileName);
      return Files.exists(workingDirectory.resolve(candidate)) ? Optional.of(candidate) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * Builds {@link LinkOptions}. Setters take the command line's meaning; {@link #build()} derives what lld derives
   * (the default entry point, memory import and export, table import, {@code --allow-undefined}'s effects, the
   * defaults that change with {@code -r} and {@code --shared}).
   */
  public static final class Builder {
    private final List<InputArgument> inputs = new ArrayList<>();
    private final List<Path> librarySearchPaths = new ArrayList<>();
    private Boolean linkStatic;
    private Path output;
    private String machine;
    private String flavor;
    private boolean relocatable;
    private boolean shared;
    private boolean pie;
    private boolean experimentalPic;
    private String soname;
    private String buildId;
    private boolean bsymbolic;
    private String entry;
    private boolean noEntry;
    private final LinkedHashSet<String> exports = new LinkedHashSet<>();
    private final LinkedHashSet<String> exportsIfDefined = new LinkedHashSet<>();
    private boolean exportAll;
    private Boolean exportDynamic;
    private boolean exportTable;
    private boolean growableTable;
    private boolean importTable;
    private boolean importMemory;
    private String memoryImportModule = "env";
    private String memoryImportName = "memory";
    private boolean exportMemory;
    private String memoryExportName = "memory";
    private UnresolvedSymbols unresolvedSymbols = UnresolvedSymbols.REPORT_ALL;
    private boolean warnUnresolvedSymbols;
    private boolean allowUndefined;
    private boolean importUndefined;
    private final List<Path> allowUndefinedFiles = new ArrayList<>();
    private final LinkedHashSet<String> allowedUndefinedSymbols = new LinkedHashSet<>();
    private final LinkedHashSet<String> requiredSymbols = new LinkedHashSet<>();
    private final LinkedHashSet<String> wrapSymbols = new LinkedHashSet<>();
    private Long initialMemory;
    private Long maxMemory;
    private boolean noGrowableMemory;
    private Long initialHeap;
    private Long globalBase;
    private Long tableBase;
    private Boolean stackFirst;
    private Long zStackSize;
    private boolean sharedMemory;
    private Boolean gcSections;
    private boolean printGcSections;
    private boolean stripAll;
    private boolean stripDebug;
    private final LinkedHashSet<String> keepSections = new LinkedHashSet<>();
    private Boolean mergeDataSegments;
    private boolean compressRelocations;
    private boolean emitRelocs;
    private boolean checkFeatures = true;
    private List<String> features;
    private final List<String> extraFeatures = new ArrayList<>();
    private boolean shlibSigcheck = true;
    private boolean demangle = true;
    private boolean fatalWarnings;
    private int errorLimit = 20;
    private boolean verbose;
    private String colorDiagnosticsMode = "auto";
    private boolean trace;
    private final LinkedHashSet<String> traceSymbols = new LinkedHashSet<>();
    private Path whyExtract;
    private Path mapFile;
    private boolean printMap;
    private String reproduce;
    private int optimization = 1;
    private int ltoOptimization = 2;
    private Integer ltoCodegenOptimization;
    private int ltoPartitions = 1;
    private boolean ltoDebugPassManager;
    private boolean disableVerify;
    private boolean saveTemps;
    private String thinLtoCacheDir;
    private String thinLtoCachePolicy;
    private String thinLtoJobs;
    private final List<String> mllvm = new ArrayList<>();
    private Integer threads;
    private boolean help;
    private boolean version;
    private boolean exitAfterVersion;
    private ResponseFiles.Quoting rspQuoting = ResponseFiles.Quoting.platformDefault();
    private final List<String> zOptions = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();

    private Builder() {}

    private Builder(LinkOptions o) {
      inputs.addAll(o.inputs);
      librarySearchPaths.addAll(o.librarySearchPaths);
      linkStatic = o.linkStatic;
      output = o.outputSpecified ? o.output : null;
      machine = o.machine;
      flavor = o.flavor;
      relocatable = o.relocatable;
      shared = o.shared;
      pie = o.pie;
      experimentalPic = o.experimentalPic;
      soname = o.soname;
      buildId = o.buildId;
      bsymbolic = o.bsymbolic;
      noEntry = o.noEntry;
      if (!o.noEntry) {
        // No entry without --no-entry: the default for -r, or an empty --entry=; "" keeps it so.
        entry = o.entry != null ? o.entry : "";
      }
      exports.addAll(o.exports);
      exportsIfDefined.addAll(o.exportsIfDefined);
      exportAll = o.exportAll;
      exportDynamic = o.exportDynamic;
      exportTable = o.exportTable;
      growableTable = o.growableTable;
      importTable = o.importTableExplicit;
      importMemory = o.importMemoryExplicit;
      if (o.memoryImportModule != null) {
        memoryImportModule = o.memoryImportModule;
        memoryImportName = o.memoryImportName;
      }
      exportMemory = o.exportMemoryExplicit;
      if (o.memoryExportName != null) {
        memoryExportName = o.memoryExportName;
      }
      unresolvedSymbols = o.unresolvedSymbols;
      warnUnresolvedSymbols = o.warnUnresolvedSymbols;
      allowUndefined = o.allowUndefined;
      importUndefined = o.importUndefined;
      allowUndefinedFiles.addAll(o.allowUndefinedFiles);
      allowedUndefinedSymbols.addAll(o.allowedUndefinedSymbols);
      requiredSymbols.addAll(o.requiredSymbols);
      wrapSymbols.addAll(o.wrapSymbols);
      initialMemory = o.initialMemory;
      maxMemory = o.maxMemory;
      noGrowableMemory = o.noGrowableMemory;
      initialHeap = o.initialHeap;
      globalBase = o.globalBase;
      tableBase = o.tableBase;
      stackFirst = o.stackFirst;
      zStackSize = o.zStackSize;
      sharedMemory = o.sharedMemory;
      gcSections = o.gcSections;
      printGcSections = o.printGcSections;
      stripAll = o.stripAll;
      stripDebug = o.stripDebug;
      keepSections.addAll(o.keepSections);
      mergeDataSegments = o.mergeDataSegments;
      compressRelocations = o.compressRelocations;
      emitRelocs = o.emitRelocs;
      checkFeatures = o.checkFeatures;
      features = o.featuresSpecified ? new ArrayList<>(o.features) : null;
      extraFeatures.addAll(o.extraFeatures);
      shlibSigcheck = o.shlibSigcheck;
      demangle = o.demangle;
      fatalWarnings = o.fatalWarnings;
      errorLimit = o.errorLimit;
      verbose = o.verbose;
      colorDiagnosticsMode = o.colorDiagnosticsMode;
      trace = o.trace;
      traceSymbols.addAll(o.traceSymbols);
      whyExtract = o.whyExtract;
      mapFile = o.mapFile;
      printMap = o.printMap;
      reproduce = o.reproduce;
      optimization = o.optimization;
      ltoOptimization = o.ltoOptimization;
      ltoCodegenOptimization = o.ltoCodegenOptimization;
      ltoPartitions = o.ltoPartitions;
      ltoDebugPassManager = o.ltoDebugPassManager;
      disableVerify = o.disableVerify;
      saveTemps = o.saveTemps;
      thinLtoCacheDir = o.thinLtoCacheDir;
      thinLtoCachePolicy = o.thinLtoCachePolicy;
      thinLtoJobs = o.thinLtoJobs;
      mllvm.addAll(o.mllvm);
      threads = o.threads;
      help = o.help;
      version = o.version;
      exitAfterVersion = o.exitAfterVersion;
      rspQuoting = o.rspQuoting;
      zOptions.addAll(o.zOptions);
      warnings.addAll(o.warnings);
      workingDirectory = o.workingDirectory;
    }

    /** Builds the options, deriving what lld derives. */
    public LinkOptions build() {
      boolean pic = pie || shared;

      String effectiveEntry;
      if (noEntry) {
        effectiveEntry = null;
      } else if (entry != null) {
        effectiveEntry = entry.isEmpty() ? null : entry;
      } else if (relocatable) {
        effectiveEntry = null;
      } else {
        effectiveEntry = shared ? "__wasm_call_ctors" : "_start";
      }

      boolean memoryImported = importMemory || shared;
      boolean memoryExported = exportMemory || !memoryImported;

      return new LinkOptions(
          inputs,
          librarySearchPaths,
          linkStatic,
          output != null ? output : Path.of("a.out"),
          output != null,
          machine,
          flavor,
          relocatable,
          shared,
          pie,
          experimentalPic,
          soname,
          buildId,
          bsymbolic,
          effectiveEntry,
          noEntry,
          new ArrayList<>(exports),
          new ArrayList<>(exportsIfDefined),
          exportAll,
          exportDynamic != null ? exportDynamic : shared,
          exportTable,
          growableTable,
          importTable || pic || relocatable,
          importTable,
          memoryImported,
          importMemory,
          memoryImported ? memoryImportModule : null,
          memoryImported ? memoryImportName : null,
          memoryExported,
          exportMemory,
          memoryExported ? memoryExportName : null,
          allowUndefined ? UnresolvedSymbols.IGNORE_ALL : unresolvedSymbols,
          warnUnresolvedSymbols,
          allowUndefined,
          importUndefined || allowUndefined,
          allowUndefinedFiles,
          allowedUndefinedSymbols,
          new ArrayList<>(requiredSymbols),
          new ArrayList<>(wrapSymbols),
          initialMemory,
          maxMemory,
          noGrowableMemory,
          initialHeap,
          globalBase,
          tableBase,
          stackFirst,
          zStackSize,
          sharedMemory,
          gcSections != null ? gcSections : !relocatable,
          printGcSections,
          stripAll,
          stripDebug,
          new ArrayList<>(keepSections),
          mergeDataSegments != null ? mergeDataSegments : !relocatable,
          compressRelocations,
          emitRelocs,
          checkFeatures,
          features != null ? features : List.of(),
          features != null,
          extraFeatures,
          shlibSigcheck,
          demangle,
          fatalWarnings,
          errorLimit,
          verbose,
          colorDiagnosticsMode,
          trace,
          new ArrayList<>(traceSymbols),
          whyExtract,
          mapFile,
          printMap,
          reproduce,
          optimization,
          ltoOptimization,
          ltoCodegenOptimization,
          ltoPartitions,
          ltoDebugPassManager,
          disableVerify,
          saveTemps,
          thinLtoCacheDir,
          thinLtoCachePolicy,
          thinLtoJobs,
          mllvm,
          threads,
          help,
          version,
          exitAfterVersion,
          rspQuoting,
          zOptions,
          warnings,
          workingDirectory);
    }

    // ---- inputs ----

    /** Adds an input in command-line order. */
    public Builder addInput(InputArgument input) {
      inputs.add(Objects.requireNonNull(input, "input"));
      return this;
    }

    /** Adds a plain file input. */
    public Builder addFile(String path) {
      return addInput(FileInput.of(path));
    }

    /** Adds a {@code -l} library. */
    public Builder addLibrary(String name) {
      return addInput(new LibraryInput(name, false));
    }

    public Builder addLibrarySearchPath(Path directory) {
      librarySearchPaths.add(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    public Builder linkStatic(Boolean value) {
      linkStatic = value;
      return this;
    }

    // ---- output ----

    /** {@code -o}; {@code null} for none (the output is then {@code a.out}, and lld would refuse to link). */
    public Builder output(Path value) {
      output = value;
      return this;
    }

    public Builder machine(String value) {
      machine = value;
      return this;
    }

    public Builder flavor(String value) {
      flavor = value;
      return this;
    }

    public Builder relocatable(boolean value) {
      relocatable = value;
      return this;
    }

    public Builder shared(boolean value) {
      shared = value;
      return this;
    }

    public Builder pie(boolean value) {
      pie = value;
      return this;
    }

    public Builder experimentalPic(boolean value) {
      experimentalPic = value;
      return this;
    }

    public Builder soname(String value) {
      soname = value;
      return this;
    }

    public Builder buildId(String value) {
      buildId = value;
      return this;
    }

    public Builder bsymbolic(boolean value) {
      bsymbolic = value;
      return this;
    }

    // ---- entry and exports ----

    /** {@code --entry}: cancels an earlier {@link #noEntry}; an empty name, or {@code null}, means the default. */
    public Builder entry(String value) {
      entry = value;
      noEntry = false;
      return this;
    }

    /** {@code --no-entry}: cancels an earlier {@link #entry}. */
    public Builder noEntry(boolean value) {
      noEntry = value;
      if (value) {
        entry = null;
      }
      return this;
    }

    public Builder addExport(String symbol) {
      exports.add(Objects.requireNonNull(symbol, "symbol"));
      return this;
    }

    public Builder addExportIfDefined(String symbol) {
      exportsIfDefined.add(Objects.requireNonNull(symbol, "symbol"));
      return this;
    }

    public Builder exportAll(boolean value) {
      exportAll = value;
      return this;
    }

    /** {@code --export-dynamic}; {@code null} for the default (yes with {@code --shared} only). */
    public Builder exportDynamic(Boolean value) {
      exportDynamic = value;
      return this;
    }

    public Builder exportTable(boolean value) {
      exportTable = value;
      return this;
    }

    public Builder growableTable(boolean value) {
      growableTable = value;
      return this;
    }

    /** {@code --import-table} as given; {@code --shared}, {@code --pie} and {@code -r} imply it. */
    public Builder importTable(boolean value) {
      importTable = value;
      return this;
    }

    /** {@code --import-memory}: import the memory as {@code env.memory}. */
    public Builder importMemory(boolean value) {
      importMemory = value;
      if (value) {
        memoryImportModule = "env";
        memoryImportName = "memory";
      }
      return this;
    }

    /** {@code --import-memory=module,name}. */
    public Builder importMemory(String module, String name) {
      importMemory = true;
      memoryImportModule = Objects.requireNonNull(module, "module");
      memoryImportName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** {@code --export-memory}: export the memory as {@code memory} even if it is imported. */
    public Builder exportMemory(boolean value) {
      exportMemory = value;
      if (value) {
        memoryExportName = "memory";
      }
      return this;
    }

    /** {@code --export-memory=name}. */
    public Builder exportMemory(String name) {
      exportMemory = true;
      memoryExportName = Objects.requireNonNull(name, "name");
      return this;
    }

    // ---- undefined symbols ----

    /** {@code --unresolved-symbols=}; {@code --allow-undefined} overrides it with ignore-all. */
    public Builder unresolvedSymbols(UnresolvedSymbols value) {
      unresolvedSymbols = Objects.requireNonNull(value, "value");
      return this;
    }

    public Builder warnUnresolvedSymbols(boolean value) {
      warnUnresolvedSymbols = value;
      return this;
    }

    /** {@code --allow-undefined}: ignore-all plus {@code --import-undefined}. */
    public Builder allowUndefined(boolean value) {
      allowUndefined = value;
      return this;
    }

    public Builder importUndefined(boolean value) {
      importUndefined = value;
      return this;
    }

    public Builder addAllowUndefinedFile(Path file) {
      allowUndefinedFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    public Builder addAllowedUndefinedSymbol(String symbol) {
      allowedUndefinedSymbols.add(Objects.requireNonNull(symbol, "symbol"));
      return this;
    }

    public Builder addRequiredSymbol(String symbol) {
      requiredSymbols.add(Objects.requireNonNull(symbol, "symbol"));
      return this;
    }

    public Builder addWrapSymbol(String symbol) {
      wrapSymbols.add(Objects.requireNonNull(symbol, "symbol"));
      return this;
    }

    // ---- memory ----

    public Builder initialMemory(Long value) {
      initialMemory = value;
      return this;
    }

    public Builder maxMemory(Long value) {
      maxMemory = value;
      return this;
    }

    public Builder noGrowableMemory(boolean value) {
      noGrowableMemory = value;
      return this;
    }

    public Builder initialHeap(Long value) {
      initialHeap = value;
      return this;
    }

    public Builder globalBase(Long value) {
      globalBase = value;
      return this;
    }

    public Builder tableBase(Long value) {
      tableBase = value;
      return this;
    }

    public Builder stackFirst(Boolean value) {
      stackFirst = value;
      return this;
    }

    public Builder zStackSize(Long value) {
      zStackSize = value;
      return this;
    }

    public Builder sharedMemory(boolean value) {
      sharedMemory = value;
      return this;
    }

    // ---- sections ----

    /** {@code --gc-sections}; {@code null} for the default (yes, except with {@code -r}). */
    public Builder gcSections(Boolean value) {
      gcSections = value;
      return this;
    }

    public Builder printGcSections(boolean value) {
      printGcSections = value;
      return this;
    }

    public Builder stripAll(boolean value) {
      stripAll = value;
      return this;
    }

    public Builder stripDebug(boolean value) {
      stripDebug = value;
      return this;
    }

    public Builder addKeepSection(String name) {
      keepSections.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** {@code --merge-data-segments}; {@code null} for the default (yes, except with {@code -r}). */
    public Builder mergeDataSegments(Boolean value) {
      mergeDataSegments = value;
      return this;
    }

    public Builder compressRelocations(boolean value) {
      compressRelocations = value;
      return this;
    }

    public Builder emitRelocs(boolean value) {
      emitRelocs = value;
      return this;
    }

    // ---- features ----

    public Builder checkFeatures(boolean value) {
      checkFeatures = value;
      return this;
    }

    /** {@code --features=}; {@code null} to infer the features from the inputs. */
    public Builder features(List<String> value) {
      features = value == null ? null : new ArrayList<>(value);
      return this;
    }

    public Builder extraFeatures(List<String> value) {
      extraFeatures.clear();
      extraFeatures.addAll(value);
      return this;
    }

    public Builder shlibSigcheck(boolean value) {
      shlibSigcheck = value;
      return this;
    }

    // ---- diagnostics ----

    public Builder demangle(boolean value) {
      demangle = value;
      return this;
    }

    public Builder fatalWarnings(boolean value) {
      fatalWarnings = value;
      return this;
    }

    public Builder errorLimit(int value) {
      errorLimit = value;
      return this;
    }

    public Builder verbose(boolean value) {
      verbose = value;
      return this;
    }

    /** {@code auto}, {@code always} or {@code never}. */
    public Builder colorDiagnosticsMode(String value) {
      colorDiagnosticsMode = Objects.requireNonNull(value, "value");
      return this;
    }

    public Builder trace(boolean value) {
      trace = value;
      return this;
    }

    public Builder addTraceSymbol(String symbol) {
      traceSymbols.add(Objects.requireNonNull(symbol, "symbol"));
      return this;
    }

    public Builder whyExtract(Path value) {
      whyExtract = value;
      return this;
    }

    public Builder mapFile(Path value) {
      mapFile = value;
      return this;
    }

    public Builder printMap(boolean value) {
      printMap = value;
      return this;
    }

    public Builder reproduce(String value) {
      reproduce = value;
      return this;
    }

    // ---- optimisation ----

    public Builder optimization(int value) {
      optimization = value;
      return this;
    }

    public Builder ltoOptimization(int value) {
      ltoOptimization = value;
      return this;
    }

    public Builder ltoCodegenOptimization(Integer value) {
      ltoCodegenOptimization = value;
      return this;
    }

    public Builder ltoPartitions(int value) {
      ltoPartitions = value;
      return this;
    }

    public Builder ltoDebugPassManager(boolean value) {
      ltoDebugPassManager = value;
      return this;
    }

    public Builder disableVerify(boolean value) {
      disableVerify = value;
      return this;
    }

    public Builder saveTemps(boolean value) {
      saveTemps = value;
      return this;
    }

    public Builder thinLtoCacheDir(String value) {
      thinLtoCacheDir = value;
      return this;
    }

    public Builder thinLtoCachePolicy(String value) {
      thinLtoCachePolicy = value;
      return this;
    }

    public Builder thinLtoJobs(String value) {
      thinLtoJobs = value;
      return this;
    }

    public Builder addMllvm(String value) {
      mllvm.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder threads(Integer value) {
      threads = value;
      return this;
    }

    // ---- the driver ----

    public Builder help(boolean value) {
      help = value;
      return this;
    }

    public Builder version(boolean value) {
      version = value;
      return this;
    }

    public Builder exitAfterVersion(boolean value) {
      exitAfterVersion = value;
      return this;
    }

    public Builder rspQuoting(ResponseFiles.Quoting value) {
      rspQuoting = Objects.requireNonNull(value, "value");
      return this;
    }

    public Builder addZOption(String keyword) {
      zOptions.add(Objects.requireNonNull(keyword, "keyword"));
      return this;
    }

    /** The directory relative paths are relative to; the JVM's own unless set. */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = directory.toAbsolutePath();
      return this;
    }

    public Builder addWarning(String message) {
      warnings.add(Objects.requireNonNull(message, "message"));
      return this;
    }
  }
}
