package dev.wasmlink.linker.link;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.features.FeatureSectionRules;
import dev.wasmlink.linker.hashorder.StringMapOrder;
import dev.wasmlink.linker.input.ParallelDecoding;
import dev.wasmlink.linker.input.SharedLibrary;
import dev.wasmlink.linker.input.StubLibrary;
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
    List<LinkInput> inputs = settings.inputs();
    List<ParallelDecoding.Outcome<ReadInput>> decoded =
        ParallelDecoding.all(inputs, input -> ReadInput.of(input, settings.workingDirectory()));
    for (int i = 0; i < inputs.size(); i++) {
      LinkInput input = inputs.get(i);
      ReadInput file = decoded.get(i).get();
      switch (file.kind()) {
        case STUB_LIBRARY -> symbols.addStubLibrary(StubLibrary.parse(file.bytes(), input.path().toString()));
        case ARCHIVE -> {
          if (input.wholeArchive()) {
            direct.addAll(symbols.addWholeArchive(file.archive()));
          } else {
            symbols.addArchive(file.archive());
          }
        }
        case LAZY_OBJECT -> symbols.addLazyObject(file.module());
        case SHARED_LIBRARY -> symbols.addSharedLibrary(SharedLibrary.read(file.module()));
        case OBJECT -> {
          direct.add(file.object());
          symbols.addObject(file.object());
        }
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
    // Each object's answers depend on it alone: worked out on all cores, then reported in load order.
    List<Problems> problems = objects.parallelStream().map(Problems::of).toList();
    for (int i = 0; i < objects.size(); i++) {
      InputObject object = objects.get(i);
      if (problems.get(i).memory64()) {
        diagnostics.error(object.name() + ": wasm64 object file can't be linked: wasmlink links wasm32 (memory64 is"
            + " not supported)");
        break;
      } else if (settings.wasm64()) {
        diagnostics.error(object.name() + ": wasm32 object file can't be linked in wasm64 mode");
        break;
      }
      if (problems.get(i).tables() != null) {
        diagnostics.error(problems.get(i).tables());
      }
      if (problems.get(i).features() != null) {
        diagnostics.error(problems.get(i).features());
        break;
      }
    }
    diagnostics.stopIfErrors();
  }

  /** What {@link #check} asks of one object. */
  private record Problems(boolean memory64, String tables, String features) {
    static Problems of(InputObject object) {
      return new Problems(object.isMemory64(), TableSymbolRules.problem(object), FeatureSectionRules.problem(object));
    }
  }
}
