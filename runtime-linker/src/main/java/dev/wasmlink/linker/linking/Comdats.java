package dev.wasmlink.linker.linking;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.spec.format.LinkingSubsection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comdat groups an output that carries relocations passes on, so that a later link can still keep one copy of
 * each group. Members are named in the output's index spaces, functions first, then data segments, the groups sorted
 * by name, as wasm-ld lists them. A relocatable link keeps every object's copy of a group, so a group may list
 * members of several copies.
 */
final class Comdats {
  private static final int DATA = 0;
  private static final int FUNCTION = 1;

  private final Map<InputFunction, String> functions = new IdentityHashMap<>();
  private final Map<InputSegment, String> segments = new IdentityHashMap<>();

  static Comdats of(List<InputObject> objects) {
    Comdats comdats = new Comdats();
    for (InputObject object : objects) {
      for (LinkingSubsection.Comdat comdat : object.comdats()) {
        for (LinkingSubsection.ComdatMember member : comdat.members()) {
          if (member.kind() == FUNCTION) {
            InputFunction function = object.functions().get(member.index() - object.importedFunctionCount());
            if (!object.isDiscarded(function)) {
              comdats.functions.put(function, comdat.name());
            }
          } else if (member.kind() == DATA) {
            InputSegment segment = object.segments().get(member.index());
            if (!object.isDiscarded(segment)) {
              comdats.segments.put(segment, comdat.name());
            }
          }
        }
      }
    }
    return comdats;
  }

  /** The groups with their output members (functions, then data), by name, as wasm-ld writes them. */
  List<LinkingSubsection.Comdat> output(ModuleLayout layout) {
    Map<String, List<LinkingSubsection.ComdatMember>> groups = new TreeMap<>();
    for (InputFunction function : layout.functions()) {
      String name = functions.get(function);
      if (name != null) {
        groups.computeIfAbsent(name, n -> new ArrayList<>())
            .add(new LinkingSubsection.ComdatMember(FUNCTION, function.outputIndex()));
      }
    }
    for (OutputSegment segment : layout.memory().writtenSegments()) {
      String name = segment.leadingInput() == null ? null : segments.get(segment.leadingInput());
      if (name != null) {
        groups.computeIfAbsent(name, n -> new ArrayList<>())
            .add(new LinkingSubsection.ComdatMember(DATA, segment.dataIndex()));
      }
    }
    List<LinkingSubsection.Comdat> comdats = new ArrayList<>();
    groups.forEach((name, members) -> comdats.add(new LinkingSubsection.Comdat(name, 0, members)));
    return comdats;
  }
}
