package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.write.CustomSectionSettings;
import dev.wasmlink.linker.write.MemoryInterface;
import dev.wasmlink.linker.features.FeatureSettings;
import dev.wasmlink.linker.input.InputException;
import dev.wasmlink.linker.layout.MemorySettings;
import dev.wasmlink.linker.layout.TableSettings;
import dev.wasmlink.linker.link.LinkInput;
import dev.wasmlink.linker.link.LinkReports;
import dev.wasmlink.linker.link.LinkSettings;
import dev.wasmlink.linker.link.LoaderConventions;
import dev.wasmlink.linker.options.FileInput;
import dev.wasmlink.linker.options.InputArgument;
import dev.wasmlink.linker.options.LibraryInput;
import dev.wasmlink.linker.options.LinkOptions;
import dev.wasmlink.linker.options.UnresolvedSymbols;
import dev.wasmlink.linker.undefined.UndefinedPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Maps wasm-ld's command line onto what the linker is asked to do, resolving {@code -l} against {@code -L}. */
final class LinkSettingsFactory {
  private LinkSettingsFactory() {}

  /**
   * lld 19's reading of the flags: {@code --allow-undefined} is {@code --import-undefined} with {@code ignore-all}
   * (the options fold it so already); {@code import-dynamic} reports nothing and imports, and is what wasm-ld 14 did
   * for every position-independent output.
   */
  private static UndefinedPolicy undefinedPolicy(LinkOptions options, LoaderConventions conventions) {
    UnresolvedSymbols unresolved = options.isPic() && conventions.positionIndependentImportsUndefined()
        ? UnresolvedSymbols.IMPORT_DYNAMIC : options.unresolvedSymbols();
    UndefinedPolicy.Report report = switch (unresolved) {
      case REPORT_ALL -> options.warnUnresolvedSymbols() ? UndefinedPolicy.Report.WARNING : UndefinedPolicy.Report.ERROR;
      case IGNORE_ALL, IMPORT_DYNAMIC -> UndefinedPolicy.Report.NONE;
    };
    return new UndefinedPolicy(report, options.importUndefined(),
        unresolved == UnresolvedSymbols.IMPORT_DYNAMIC, options.allowedUndefinedSymbols());
  }

  private static Long nonZero(Long value) {
    return value == null || value == 0 ? null : value;
  }

  /**
   * Outputs wasm-ld can write and wasmlink cannot yet: refused in one line each, never linked as something else.
   */
  static LinkSettings from(LinkOptions options, LoaderConventions conventions) {
    List<LinkInput> inputs = new ArrayList<>();
    for (InputArgument input : options.inputs()) {
      if (input instanceof FileInput file) {
        inputs.add(new LinkInput(file.path(), file.wholeArchive(), file.inLib()));
      } else if (input instanceof LibraryInput library) {
        inputs.add(new LinkInput(options.findLibrary(library.name(), library.searchShared())
            .orElseThrow(() -> new InputException("unable to find library " + library.spelling())),
            library.wholeArchive(), false));
      }
    }
    // The options resolve the default (_start) and the ways of having none (--no-entry, -r, an empty --entry=).
    String entry = options.noEntry() ? null : options.entry();
    // lld reads 0 as "not given" for the memory sizes.
    // A relocatable output has no stack (the final link places it), nor has a position-independent one (the loader's
    // main module has it).
    MemorySettings memory = new MemorySettings(options.globalBaseOrDefault(),
        options.relocatable() || options.isPic() ? 0 : options.stackSize(),
        options.stackFirstEffective(), nonZero(options.initialMemory()), nonZero(options.maxMemory()),
        nonZero(options.initialHeap()), !options.noGrowableMemory(), options.optimization() >= 1,
        options.mergeDataSegments(), options.sharedMemory(), options.importMemory(), options.relocatable(),
        options.relocatable() || options.emitRelocs(), options.isPic());
    return new LinkSettings(
        inputs,
        options.output(),
        entry,
        options.exports(),
        options.exportsIfDefined(),
        options.exportAll(),
        options.exportDynamic(),
        options.exportTable(),
        new MemoryInterface(options.importMemory(), options.memoryImportModule(), options.memoryImportName(),
            options.exportMemory() ? options.memoryExportName() : null),
        new TableSettings(options.tableBaseOrDefault(), options.growableTable(), options.importTable()),
        options.gcSections(),
        undefinedPolicy(options, conventions),
        options.requiredSymbols(),
        memory,
        new CustomSectionSettings(options.stripAll(), options.stripDebug(), Set.copyOf(options.keepSections()),
            options.optimization() >= 1, options.buildId()),
        options.soname() != null ? options.soname() : options.output().getFileName().toString(),
        new FeatureSettings(options.featuresSpecified() ? options.features() : null, options.extraFeatures(),
            options.checkFeatures()),
        "wasm64".equals(options.machine()),
        options.relocatable(),
        options.emitRelocs(),
        options.pie(),
        options.shared(),
        options.bsymbolic(),
        options.sharedMemory(),
        options.fatalWarnings(),
        options.demangle(),
        new LinkReports(options.trace(), Set.copyOf(options.traceSymbols()), options.printGcSections(),
            options.whyExtract(), options.printMap() ? Path.of("-") : options.mapFile()),
        options.workingDirectory(),
        conventions);
  }
}
