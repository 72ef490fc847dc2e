package dev.wasmlink.linker.input;

import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.spec.format.DylinkSection;
import dev.wasmlink.spec.format.Export;
import dev.wasmlink.spec.format.FunctionSection;
import dev.wasmlink.spec.format.Import;
import dev.wasmlink.spec.format.ImportDescriptor;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.format.TypeSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shared library given as an input ({@code main.o lib.so}): a module with a {@code dylink.0} section, whose exports
 * are what the loader will provide. As in wasm-ld, its exported functions and globals (a global export of such a
 * module is the address of data) resolve the link's references; the output then imports the functions and reaches the
 * data through {@code GOT.mem} entries, and names the library in its own {@code dylink.0} as needed.
 *
 * @param path the file as the command line names it
 * @param soname the name the output's {@code dylink.0} lists it by: the file's name, as wasm-ld writes it
 * @param exports what it provides, in its export section's order
 */
public record SharedLibrary(String path, String soname, List<Provided> exports) {
  private static final int FUNCTION_EXPORT = 0;
  private static final int GLOBAL_EXPORT = 3;

  /** One symbol the library provides: a function (with its signature) or data; {@code flags} as dylink.0 says. */
  public record Provided(String name, boolean function, TypeEntry.FunctionType signature, int flags) {}

  /** Whether a module is a shared library: it has a {@code dylink.0} (or the older {@code dylink}) section. */
  public static boolean is(ObjectFile module) {
    return module.customSection("dylink.0").isPresent() || module.customSection("dylink").isPresent();
  }

  /**
   * Reads what a shared library provides. Its own loader hooks ({@code __wasm_call_ctors},
   * {@code __wasm_apply_data_relocs}) and section boundaries ({@code __start_*}, {@code __stop_*}) are its own, not
   * symbols for others, as wasm-ld knows them.
   */
  public static SharedLibrary read(ObjectFile module) {
    List<TypeEntry> types = module.types().map(TypeSection::types).orElse(List.of());
    List<Integer> functionTypes = new ArrayList<>();
    for (Import anImport : module.imports().map(i -> i.imports()).orElse(List.of())) {
      if (anImport.descriptor() instanceof ImportDescriptor.FunctionImport function) {
        functionTypes.add(function.typeIndex());
      }
    }
    functionTypes.addAll(module.functions().map(FunctionSection::typeIndices).orElse(List.of()));
    Map<String, Integer> exportFlags = exportFlags(module);
    List<Provided> provided = new ArrayList<>();
    for (Export export : module.exports().map(e -> e.exports()).orElse(List.of())) {
      String name = export.name();
      if (isLoaderHook(name) || export.kind() != FUNCTION_EXPORT && export.kind() != GLOBAL_EXPORT) {
        continue;
      }
      int flags = exportFlags.getOrDefault(name, 0);
      if (export.kind() == FUNCTION_EXPORT) {
        int typeIndex = export.index() < functionTypes.size() ? functionTypes.get(export.index()) : -1;
        if (typeIndex < 0 || typeIndex >= types.size()
            || !(types.get(typeIndex) instanceof TypeEntry.FunctionType type)) {
          throw new InputException(module.location().input() + ": export " + name + " names function "
              + export.index() + ", which the shared library does not have (or whose type it lacks)");
        }
        provided.add(new Provided(name, true, type, flags));
      } else {
        provided.add(new Provided(name, false, null, flags));
      }
    }
    String path = module.location().input();
    Path fileName = Path.of(path).getFileName();
    return new SharedLibrary(path, fileName == null ? path : fileName.toString(), provided);
  }

  private static boolean isLoaderHook(String name) {
    return name.equals("__wasm_apply_data_relocs") || name.equals("__wasm_call_ctors") || name.startsWith("__start_")
        || name.startsWith("__stop_");
  }

  private static Map<String, Integer> exportFlags(ObjectFile module) {
    Map<String, Integer> flags = new HashMap<>();
    module.customSection("dylink.0").ifPresent(header -> {
      if (module.decoded(header) instanceof DylinkSection dylink) {
        for (DylinkSection.Subsection subsection : dylink.subsections()) {
          if (subsection instanceof DylinkSection.ExportInfo info) {
            info.exports().forEach(export -> flags.put(export.name(), export.flags()));
          }
        }
      }
    });
    return flags;
  }
}
