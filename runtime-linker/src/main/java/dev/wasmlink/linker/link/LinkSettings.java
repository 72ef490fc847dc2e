package dev.wasmlink.linker.link;

import dev.wasmlink.linker.write.CustomSectionSettings;
import dev.wasmlink.linker.write.MemoryInterface;
import dev.wasmlink.linker.features.FeatureSettings;
import dev.wasmlink.linker.layout.MemorySettings;
import dev.wasmlink.linker.layout.TableSettings;
import dev.wasmlink.linker.undefined.UndefinedPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What one link is asked to do, independent of how it was asked: the command line maps wasm-ld's flags onto this.
 *
 * @param entry the entry function, or {@code null} for none ({@code --no-entry})
 * @param undefined what becomes of symbols nothing defines: imports, reports, stubs ({@code --allow-undefined},
 *     {@code --import-undefined}, {@code --unresolved-symbols=}, {@code --warn-unresolved-symbols},
 *     {@code --allow-undefined-file})
 * @param requiredSymbols names that must be linked in, pulling archive members ({@code -u})
 * @param customSections which custom sections the output gets: {@code --strip-all}, {@code --strip-debug},
 *     {@code --keep-section}, {@code --build-id}, and whether {@code .debug_str} is merged (from {@code -O1})
 * @param moduleName the module's name in the name section: {@code --soname}, else the output file's name
 * @param features the output's target features as the command line shapes them ({@code --features=},
 *     {@code --extra-features=}, {@code --no-check-features})
 * @param wasm64 {@code -m wasm64}: a 64-bit output, which wasmlink does not write (wasm32 objects are refused as
 *     wasm-ld refuses them, wasm64 ones as unsupported)
 * @param relocatable {@code -r}: an object to link again (its linking and reloc.* sections), not a module to run
 * @param pie {@code -pie}: a position-independent executable, loaded at any memory and table base
 * @param shared {@code -shared}: a shared library, whose symbols of default visibility other modules may replace
 * @param bsymbolic {@code -Bsymbolic}: a shared library's own references bind to its own definitions
 * @param emitRelocs {@code --emit-relocs}: the module keeps a linking section and relocation sections describing
 *     it, naming its own symbols and offsets
 * @param sharedMemory whether memory is shared between threads ({@code --shared-memory})
 * @param demangle whether C++ names are shown demangled ({@code --demangle}, the default) in the name section and
 *     in messages
 * @param fatalWarnings whether warnings are errors ({@code --fatal-warnings}): the link stops before writing
 * @param reports what the link should tell about itself as it goes: {@code --trace}, {@code -y},
 *     {@code --print-gc-sections}, {@code --why-extract}, {@code -Map}
 * @param workingDirectory what relative paths of inputs, output and reports are relative to (they keep their
 *     spelling, for messages): the linker's own directory, or the client's for a link the resident daemon runs
 * @param conventions which wasm-ld's conventions a position-independent output follows, from the name the linker is
 *     run by ({@link LoaderConventions})
 */
public record LinkSettings(
    List<LinkInput> inputs,
    Path output,
    String entry,
    List<String> exports,
    List<String> exportsIfDefined,
    boolean exportAll,
    boolean exportDynamic,
    boolean exportTable,
    MemoryInterface memoryInterface,
    TableSettings table,
    boolean gcSections,
    UndefinedPolicy undefined,
    List<String> requiredSymbols,
    MemorySettings memory,
    CustomSectionSettings customSections,
    String moduleName,
    FeatureSettings features,
    boolean wasm64,
    boolean relocatable,
    boolean emitRelocs,
    boolean pie,
    boolean shared,
    boolean bsymbolic,
    boolean sharedMemory,
    boolean fatalWarnings,
    boolean demangle,
    LinkReports reports,
    Path workingDirectory,
    LoaderConventions conventions) {

  /**
   * Whether the command line asks to export {@code name} ({@code --export}, {@code --export-if-defined},
   * {@code --export-all}): wasm-ld then defines a symbol it would otherwise define only when an input refers to it.
   */
  public boolean namesForExport(String name) {
    return exportAll || exports.contains(name) || exportsIfDefined.contains(name);
  }

  /**
   * Whether the output is position-independent ({@code -pie}, {@code -shared}): its data and table slots sit at
   * bases the loader chooses, {@code __memory_base} and {@code __table_base}.
   */
  public boolean isPic() {
    return pie || shared;
  }
}
