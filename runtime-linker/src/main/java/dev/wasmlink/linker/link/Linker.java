package dev.wasmlink.linker.link;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.features.TargetFeatures;
import dev.wasmlink.linker.input.SharedLibrary;
import dev.wasmlink.linker.layout.MemoryLayout;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.SegmentBoundarySymbols;
import dev.wasmlink.linker.linking.LinkingMetadata;
import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.pic.Addressing;
import dev.wasmlink.linker.stubs.StubLibraries;
import dev.wasmlink.linker.symbols.ChunkNames;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.InputTable;
import dev.wasmlink.linker.symbols.InputTag;
import dev.wasmlink.linker.symbols.Liveness;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.threads.ThreadLocalAudit;
import dev.wasmlink.linker.threads.ThreadLocalSymbols;
import dev.wasmlink.linker.undefined.UndefinedSymbols;
import dev.wasmlink.linker.write.DynamicLinking;
import dev.wasmlink.linker.write.ExportEntry;
import dev.wasmlink.linker.write.LinkMap;
import dev.wasmlink.linker.write.ModuleImage;
import dev.wasmlink.linker.write.ModuleWriter;
import dev.wasmlink.linker.write.OutputFile;
import dev.wasmlink.linker.write.PendingCustomSections;
import dev.wasmlink.linker.write.StandardOutput;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One static link, stage by stage: read the inputs into a symbol table, synthesize what the linker provides, mark
 * what is live, check undefined symbols, lay out every index space and linear memory, then write the module with every
 * chunk patched by the generated relocation handlers, atomically.
 */
public final class Linker {

  private final LinkSettings settings;
  private final Diagnostics diagnostics;
  private final LinkReporter reporter;
  private final SymbolTable symbols;
  private final RelocationRegistry registry = RelocationRegistry.standard();
  private final ModuleLayout layout;
  private final OutputFile output;
  /** Static or position-independent ({@code -pie}, {@code -shared}): what follows from where addresses are bound. */
  private final Addressing addressing;

  /** Objects named on the command line (not archive members): their constructors always run. */
  private final List<InputObject> directObjects = new ArrayList<>();
  private Constructors constructors;
  private Symbol stackPointer;
  private Symbol indirectTable;
  private Symbol callCtors;
  private ThreadLocalSymbols threadLocals;
  private final UndefinedSymbols undefined;
  /** The output's features, checked as wasm-ld checks them; known from layout on (bulk memory shapes .bss). */
  private TargetFeatures features;
  private final DisplayNames displayNames;
  private final ExportPlan exportPlan;
  private CommandExportWrappers commandWrappers;
  private final Map<String, Symbol> dataSymbols = new LinkedHashMap<>();
  /** What the output exports, in order; known from layout on (dylink.0 lists the thread-locals among them). */
  private List<Symbol> exportedSymbols = List.of();

  /**
   * @param out the caller's standard output: where the reports the settings ask for are printed, as wasm-ld prints
   *     them, and where {@code -o -} writes the module
   */
  public Linker(LinkSettings settings, StandardOutput out) {
    this.settings = settings;
    this.undefined = new UndefinedSymbols(settings.undefined(), registry);
    this.diagnostics = new Diagnostics(settings.fatalWarnings());
    this.displayNames = new DisplayNames(settings.demangle());
    this.addressing = Addressing.of(settings.isPic(), settings.shared(), settings.bsymbolic(),
        settings.undefined().importDynamic(), settings.sharedMemory(),
        settings.conventions().constructorsApplyDataRelocations(), registry, displayNames);
    this.layout = new ModuleLayout(addressing.globalOffsetTable());
    this.reporter = new LinkReporter(settings.reports(), out.text(), settings.workingDirectory());
    this.output = new OutputFile(settings.output(), settings.workingDirectory(), out);
    this.symbols = new SymbolTable(diagnostics, reporter);
    this.exportPlan = new ExportPlan(settings, symbols, diagnostics, layout);
  }

  /** Links, writes the output, and returns the diagnostics (warnings only: errors throw). */
  public Diagnostics link() {
    layout.setTableBase(settings.table().base());
    defineSyntheticSymbols();
    directObjects.addAll(InputStage.read(settings, symbols));
    StubLibraries.resolve(symbols.stubLibraries(), symbols, diagnostics).forEach(exportPlan::exportAlways);
    InputStage.check(symbols.objects(), settings, diagnostics);
    defineOptionalDataSymbols();
    if (!settings.sharedMemory()) {
      threadLocals = ThreadLocalSymbols.defineOptional(symbols);
    }
    defineIndirectTable();
    symbols.checkSignatures();
    diagnostics.stopIfErrors();
    // The objects are final from here: their debug sections are laid out and merged while the rest is.
    PendingCustomSections customSections = PendingCustomSections.start(symbols.objects(), settings.customSections());
    constructors = Constructors.collect(symbols.objects());
    symbols.objects().forEach(ChunkNames::assign);
    markLive();
    constructors.defineCallCtors(callCtors, addressing.beforeConstructors());
    List<Symbol> imports = resolveUndefined();
    diagnostics.stopIfErrors();
    refuseUnsupportedOutput();
    auditThreadLocals();
    List<ExportEntry> exports = layOut(imports);
    diagnostics.stopIfErrors();
    reporter.printGcSections(symbols.objects(), unusedInternalFunctions());
    ModuleWriter writer = new ModuleWriter(new ModuleWriter.Contents(layout, customSections, exports,
        isTablePresent(), settings.table(), settings.memoryInterface(), settings.customSections(),
        features.section(), MetadataSections.producers(symbols.objects()), settings.moduleName(),
        addressing.startFunction(), displayNames, emittedRelocations(), dynamicLinking()));
    ModuleImage module = writer.write();
    diagnostics.stopIfErrors();
    output.write(module::writeTo);
    if (settings.reports().mapFile() != null) {
      reporter.writeOrPrint(settings.reports().mapFile(),
          new LinkMap(layout, symbols.objects(), writer.placements()).render());
    }
    reporter.writeWhyExtract();
    return diagnostics;
  }

  /** What the output needs and wasmlink does not write: one line, before anything is laid out. */
  private void refuseUnsupportedOutput() {
    String problem = addressing.unsupported(liveSegments());
    if (problem != null) {
      diagnostics.error(problem);
      diagnostics.stopIfErrors();
    }
  }

  /** What a loader reads: a position-independent module's dylink.0 and bases, or a static one's needed libraries. */
  private DynamicLinking dynamicLinking() {
    return addressing.dynamicLinking(layout, neededLibraries(), exportedSymbols, symbols.globals());
  }

  /** The shared libraries given as inputs, by the names the output's dylink.0 lists them. */
  private List<String> neededLibraries() {
    return symbols.sharedLibraries().stream().map(SharedLibrary::soname).toList();
  }

  /** With {@code --emit-relocs}, the linking section and the symbols the module's relocation sections name. */
  private LinkingMetadata emittedRelocations() {
    return settings.emitRelocs() ? LinkingMetadata.ofModule(symbols, layout, undefined.stubs()) : null;
  }

  /** What wasm-ld defines before reading the inputs, in its order, which is their order among the exports. */
  private void defineSyntheticSymbols() {
    callCtors = symbols.defineSynthetic("__wasm_call_ctors", SymbolKind.FUNCTION);
    addressing.declareSymbols(symbols, () -> {
      if (settings.sharedMemory()) {
        threadLocals = ThreadLocalSymbols.defineShared(symbols);
      }
    });
    stackPointer = addressing.stackPointer();
    addressing.alwaysExported().forEach(exportPlan::exportAlways);
  }

  /** The indirect function table, which wasm-ld defines once the inputs are read: where they first mention it. */
  private void defineIndirectTable() {
    indirectTable = symbols.defineSynthetic("__indirect_function_table", SymbolKind.TABLE);
  }

  /**
   * The data symbols standing for places in memory, defined as wasm-ld does after reading the inputs, in its order,
   * and only when an input refers to one or the command line exports it: so they take wasm-ld's place in the symbol
   * table, and thus in the export section.
   */
  private void defineOptionalDataSymbols() {
    for (String name : OPTIONAL_DATA_SYMBOLS) {
      if (!addressing.definesOptional(name)) {
        continue;
      }
      Symbol existing = symbols.find(name);
      boolean wanted = existing != null ? existing.isUndefined()
          : settings.namesForExport(name);
      if (wanted) {
        Symbol symbol = symbols.defineSynthetic(name, SymbolKind.DATA);
        SymbolTable.setAddress(symbol, 0);
        dataSymbols.put(name, symbol);
      }
    }
  }

  private static final List<String> OPTIONAL_DATA_SYMBOLS = List.of("__dso_handle", "__data_end", "__stack_low",
      "__stack_high", "__global_base", "__heap_base", "__heap_end", "__memory_base", "__table_base");

  /**
   * Checks TLS relocations in live code and data before layout: wasm-ld's errors, with each thread-local that an
   * object defines as an ordinary global diagnosed once, with its cause and fix.
   */
  private void auditThreadLocals() {
    ThreadLocalAudit audit = new ThreadLocalAudit(settings.sharedMemory(), registry);
    for (InputObject object : symbols.objects()) {
      for (InputFunction function : object.keptFunctions()) {
        audit.scan(object, object.relocations(function), function.debugName());
      }
      for (InputSegment segment : object.keptSegments()) {
        audit.scan(object, object.relocations(segment), "segment " + segment.name());
      }
    }
    audit.problems().forEach(diagnostics::error);
  }

  private void markLive() {
    Liveness liveness = new Liveness();
    constructors.addTo(liveness);
    directObjects.forEach(liveness::markObjectLive);
    if (!settings.gcSections()) {
      liveness.markEverything(symbols);
      // Everything includes what the linker defines: __wasm_call_ctors, which wasm-ld then writes even when no
      // constructor runs, and the TLS globals and __wasm_init_tls.
      liveness.markLive(callCtors);
      liveness.markLive(stackPointer);
      threadLocals.definedSymbols().forEach(liveness::markLive);
    }
    addressing.alwaysLive(callCtors).forEach(liveness::markLive);
    if (settings.entry() != null) {
      liveness.markLive(symbols.find(settings.entry()));
    }
    for (String name : settings.exports()) {
      liveness.markLive(symbols.find(name));
    }
    for (String name : settings.exportsIfDefined()) {
      Symbol symbol = symbols.find(name);
      if (symbol != null && symbol.isDefined()) {
        liveness.markLive(symbol);
      }
    }
    for (Symbol symbol : symbols.globals()) {
      // No-strip holds for references too: clang marks its reference to __indirect_function_table so, and wasm-ld
      // keeps the table then, though the linker defines it.
      if (symbol.kind() != null && symbol.isDefined() && (exportPlan.isLiveAsExported(symbol)
          || symbol.isNoStrip())) {
        liveness.markLive(symbol);
      }
    }
    for (InputObject object : symbols.objects()) {
      for (int i = 0; i < object.symbolCount(); i++) {
        Symbol symbol = object.symbol(i);
        if (symbol.isLocal() && symbol.isNoStrip() && symbol.isDefined()) {
          liveness.markLive(symbol);
        }
      }
      for (InputSegment segment : object.segments()) {
        if (segment.isRetained() && !object.isDiscarded(segment)) {
          liveness.markLive(segment);
        }
      }
    }
    // The export wrappers of a command call __wasm_call_dtors (and __wasm_call_ctors, defined once liveness is known).
    if (commandWrappers().needed()) {
      liveness.markLive(commandWrappers().definedDtors());
    }
    liveness.propagate();
  }

  /**
   * Undefined symbols that live code needs: imported where the policy allows, reported once per use as wasm-ld
   * reports them, and given their traps ({@link UndefinedSymbols}).
   */
  private List<Symbol> resolveUndefined() {
    List<Symbol> imports = addressing.imports(symbols, undefined);
    Set<String> boundaries = SegmentBoundarySymbols.provided(liveSegments(), settings.memory().mergeSegments());
    exportPlan.checkRequiredExports(boundaries);
    for (InputObject object : symbols.objects()) {
      for (InputFunction function : object.keptFunctions()) {
        scanUses(object, object.relocations(function), boundaries);
      }
      for (InputSegment segment : object.keptSegments()) {
        scanUses(object, object.relocations(segment), boundaries);
      }
    }
    constructors.undefinedCalls().forEach((object, calls) -> scanUses(object, calls, boundaries));
    return imports;
  }

  /**
   * Reports, for one live chunk, the relocations the output's addressing cannot have, then the uses of undefined
   * symbols: in wasm-ld's order.
   */
  private void scanUses(InputObject object, List<RelocationEntry> relocations, Set<String> boundaries) {
    for (RelocationEntry entry : relocations) {
      String undefinedThreadLocal = ThreadLocalAudit.undefinedTarget(object, entry, registry);
      if (undefinedThreadLocal != null) {
        diagnostics.error(undefinedThreadLocal);
      }
      String problem = addressing.check(object, entry);
      if (problem != null) {
        diagnostics.error(problem);
      }
    }
    undefined.scan(object, relocations, boundaries);
    List<UndefinedSymbols.Report> reports = undefined.reports();
    for (; reportedUses < reports.size(); reportedUses++) {
      UndefinedSymbols.Report report = reports.get(reportedUses);
      String message = report.user() + ": undefined symbol: " + displayNames.of(report.symbol().name());
      if (report.error()) {
        diagnostics.error(message);
      } else {
        diagnostics.warning(message);
      }
    }
  }

  /** How many of the undefined symbols' uses are reported so far. */
  private int reportedUses;

  private List<ExportEntry> layOut(List<Symbol> imports) {
    features = TargetFeatures.compute(symbols.objects(), settings.features(), settings.sharedMemory(),
        liveSegments().stream().anyMatch(InputSegment::isTls), settings.isPic());
    features.errors().forEach(diagnostics::error);
    diagnostics.stopIfErrors();
    MemoryLayout memory = MemoryLayout.compute(liveSegments(), settings.memory(), features.allows("bulk-memory"));
    memory.problems().forEach(diagnostics::error);
    diagnostics.stopIfErrors();
    layout.setMemory(memory);
    SegmentBoundarySymbols.define(symbols, memory, settings::namesForExport);
    imports.forEach(layout::importSymbol);
    if (indirectTable.file() == null && !symbols.usesLegacyIndirectTable()) {
      // No input refers to the table: wasm-ld makes its symbol last, so its import follows the symbols'.
      layout.importTableAfterSymbols();
    }
    for (InputObject object : symbols.objects()) {
      for (InputFunction function : object.keptFunctions()) {
        scanFunctionRelocations(object, object.relocations(function));
      }
      for (InputSegment segment : object.keptSegments()) {
        scanFunctionRelocations(object, object.relocations(segment));
      }
    }
    // wasm-ld's order: the functions it synthesizes, in the order it makes them, then the objects' functions.
    if (callCtors.function() != null && callCtors.isLive()) {
      layout.functions().add(callCtors.function());
    }
    layout.functions().addAll(threadLocals.initTls());
    layout.functions().addAll(addressing.relocationFunctions(layout, threadLocals));
    layout.functions().addAll(undefined.weakStubs(symbols.globals()));
    layout.functions().addAll(undefined.undefinedStubs());
    layout.functions().addAll(threadLocals.functions(layout));
    layout.functions().addAll(addressing.startFunctions(layout, threadLocals.startFunction()));
    symbols.objects().forEach(object -> layout.functions().addAll(object.keptFunctions()));
    layout.functions().addAll(SignatureStubs.create(symbols, layout));
    if (stackPointer.global() != null) {
      layout.globals().add(stackPointer.global());
    }
    layout.globals().addAll(threadLocals.globals());
    for (InputObject object : symbols.objects()) {
      for (InputGlobal global : object.globals()) {
        if (global.isLive()) {
          layout.globals().add(global);
        }
      }
    }
    layout.globals().addAll(layout.got().globals());
    for (InputObject object : symbols.objects()) {
      for (InputTag tag : object.tags()) {
        if (tag.isLive()) {
          layout.tags().add(tag);
        }
      }
    }
    for (InputObject object : symbols.objects()) {
      for (InputTable table : object.tables()) {
        if (table.isLive()) {
          layout.tables().add(table);
        }
      }
    }
    layout.assignTables(isTablePresent(), settings.table().imported() || symbols.usesLegacyIndirectTable());
    indirectTable.setOutputIndex(layout.indirectTableIndex());
    threadLocals.defineInitMemorySymbols(symbols);
    addressing.defineLateSymbols(symbols);
    List<Symbol> exported = exportPlan.exportedSymbols(indirectTable, isTablePresent());
    exportedSymbols = exported;
    features.checkImportsAndExports(settings.features().check(), layout.importedGlobals(), exported)
        .forEach(diagnostics::error);
    List<InputFunction> wrappers = commandWrappers().create(exported);
    layout.functions().addAll(wrappers);
    layout.assignIndices();
    registerTypes();
    undefined.stubs().forEach((symbol, stub) -> symbol.setOutputIndex(stub.outputIndex()));
    layOutMemory();
    List<ExportEntry> exports = exportPlan.entries(exported, commandWrappers().byFunction());
    return exports;
  }

  /**
   * Registers function types in wasm-ld's order, before anything is written: those {@code call_indirect} uses (met
   * while scanning relocations), then imported functions' and tags', then defined functions', then defined tags'.
   */
  private void registerTypes() {
    for (Symbol symbol : layout.importedFunctions()) {
      layout.types().register(symbol.signature());
    }
    for (Symbol symbol : layout.importedTags()) {
      layout.types().register(symbol.signature());
    }
    for (InputFunction function : layout.functions()) {
      layout.types().register(function.type());
    }
    for (InputTag tag : layout.tags()) {
      layout.types().register(tag.type());
    }
  }

  /**
   * Registers, from the relocations of one live chunk, the functions whose address is taken (table slots, in the
   * order first met), the types {@code call_indirect} uses, and the GOT entries.
   */
  private void scanFunctionRelocations(InputObject object, List<RelocationEntry> relocations) {
    for (RelocationEntry entry : relocations) {
      RelocationKind kind = registry.kindOf(entry.type());
      if (kind.target() == RelocationTarget.TYPE) {
        layout.types().register(object.types().get(entry.index()));
        // call_indirect: objects from before reference types name no table, yet need table 0.
        usesIndirectCalls = true;
        continue;
      }
      addressing.scan(object, entry, kind, layout);
    }
  }

  /**
   * The functions wasm-ld would synthesize and then remove as unused: {@code __wasm_call_ctors} when nothing runs it,
   * and the trapping stand-in of every undefined weak function no live code calls.
   */
  private List<String> unusedInternalFunctions() {
    List<String> unused = new ArrayList<>();
    if (callCtors.function() != null && !callCtors.isLive()) {
      unused.add("__wasm_call_ctors");
    }
    for (Symbol symbol : symbols.globals()) {
      if (symbol.kind() == SymbolKind.FUNCTION && symbol.isUndefined() && symbol.isWeak()
          && !undefined.stubs().containsKey(symbol) && !layout.isImported(symbol)) {
        unused.add(symbol.name());
      }
    }
    return unused;
  }

  /** The command export wrappers, decided once the constructors are known. */
  private CommandExportWrappers commandWrappers() {
    if (commandWrappers == null) {
      commandWrappers = new CommandExportWrappers(settings, symbols, callCtors, constructors.any());
    }
    return commandWrappers;
  }

  private List<InputSegment> liveSegments() {
    List<InputSegment> live = new ArrayList<>();
    symbols.objects().forEach(object -> live.addAll(object.keptSegments()));
    return live;
  }

  /** Gives the symbols that stand for places in memory their values, now that memory is laid out. */
  private void layOutMemory() {
    MemoryLayout memory = layout.memory();
    threadLocals.setValues(memory);
    addressing.placeMemory(layout);
    Map<String, Long> addresses = Map.of("__heap_base", memory.heapBase(), "__heap_end", memory.heapEnd(),
        "__data_end", memory.dataEnd(), "__global_base", memory.dataStart(), "__dso_handle", memory.dataStart(),
        "__stack_low", memory.stackLow(), "__stack_high", memory.stackPointer());
    dataSymbols.forEach((name, symbol) -> SymbolTable.setAddress(symbol,
        addresses.containsKey(name) ? addresses.get(name) : addressing.fixedAddress(name, layout)));
    layout.got().setValues(layout);
  }

  private boolean usesIndirectCalls;

  private boolean isTablePresent() {
    return !layout.tableEntries().isEmpty() || indirectTable.isLive() || settings.exportTable() || usesIndirectCalls;
  }
}
