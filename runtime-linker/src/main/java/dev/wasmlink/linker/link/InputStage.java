package dev.wasmlink.linker.link;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.features.FeatureSectionRules;
import dev.wasmlink.linker.hashorder.StringMapOrder;
import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveReader;
import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.input.SharedLibrary;
import dev.wasmlink.linker.input.StubLibrary;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.symbols.TableSymbolRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The first stage of every link: read the inputs in command-line order into the symbol table (archive members as
 * references need them), pull what the command line names, and refuse what wasm-ld refuses as it reads objects.
 */
public final class InputStage {
  private InputStage() {}

  /**
   * Reads every input, then the members the command line's names pull ({@code -u}, {@code --export},
   * {@code --entry}).
   *
   * @return the objects named on the command line (and those of {@code --whole-archive}), whose constructors always
   *     run
   */
  public static List<InputObject> read(LinkSettings settings, SymbolTable symbols) {
    List<InputObject> direct = new ArrayList<>();
    for (LinkInput input : settings.inputs()) {
      byte[] bytes = InputFiles.read(input.path(), settings.workingDirectory());
      String name = input.path().toString();
      if (StubLibrary.is(bytes)) {
        symbols.addStubLibrary(StubLibrary.parse(bytes, name));
      } else if (ArchiveReader.isArchive(bytes)) {
        Archive archive = ArchiveReader.read(bytes, name);
        if (input.wholeArchive()) {
          direct.addAll(symbols.addWholeArchive(archive));
        } else {
          symbols.addArchive(archive);
        }
      } else if (input.lazy()) {
        symbols.addLazyObject(InputFiles.readObject(bytes, name));
      } else {
        ObjectFile module = InputFiles.readModule(bytes, name);
        if (SharedLibrary.is(module)) {
          symbols.addSharedLibrary(SharedLibrary.read(module));
          continue;
        }
        InputObject object = InputObject.of(module);
        direct.add(object);
        symbols.addObject(object);
      }
    }
    for (String name : settings.requiredSymbols()) {
      symbols.reference(name, "--undefined");
    }
    // wasm-ld pulls archive members for --export-if-defined too ("if defined" is judged after they are loaded), all
    // names in the order its set of them yields them, which decides where the members' functions go.
    List<String> named = new ArrayList<>(settings.exportsIfDefined());
    named.addAll(settings.exports());
    for (String name : StringMapOrder.of(named)) {
      symbols.reference(name, "--export");
    }
    if (settings.entry() != null) {
      symbols.reference(settings.entry(), "--entry");
    }
    return direct;
  }

  /**
   * What wasm-ld refuses as it reads each object, in load order: (fatally, at the first) an object of the other
   * address size, every object's tables without matching symbols, then (fatally, at the first) a target_features
   * section with a repeated feature or an unknown prefix.
   */
  public static void check(List<InputObject> objects, LinkSettings settings, Diagnostics diagnostics) {
    for (InputObject object : objects) {
      if (object.isMemory64()) {
        diagnostics.error(object.name() + ": wasm64 object file can't be linked: wasmlink links wasm32 (memory64 is"
            + " not supported)");
        break;
      } else if (settings.wasm64()) {
        diagnostics.error(object.name() + ": wasm32 object file can't be linked in wasm64 mode");
        break;
      }
      String tables = TableSymbolRules.problem(object);
      if (tables != null) {
        diagnostics.error(tables);
      }
      String features = FeatureSectionRules.problem(object);
      if (features != null) {
        diagnostics.error(features);
        break;
      }
    }
    diagnostics.stopIfErrors();
  }
}
