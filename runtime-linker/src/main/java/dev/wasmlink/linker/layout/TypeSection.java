package dev.wasmlink.linker.layout;

import dev.wasmlink.spec.format.TypeEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The output's function types, each once, in order of first registration. */
public final class TypeSection {
  private final List<TypeEntry.FunctionType> types = new ArrayList<>();
  private final Map<TypeEntry.FunctionType, Integer> indices = new HashMap<>();

  /** The type's output index, registering it if new. */
  public int register(TypeEntry.FunctionType type) {
    return indices.computeIfAbsent(type, t -> {
      types.add(t);
      return types.size() - 1;
    });
  }

  /**
   * The index of a type registered before, without registering: what the writer asks while it patches code in
   * parallel, when the type section must no longer change.
   */
  public int indexOf(TypeEntry.FunctionType type) {
    Integer index = indices.get(type);
    if (index == null) {
      throw new IllegalStateException("function type registered after layout: " + type);
    }
    return index;
  }

  public List<TypeEntry.FunctionType> types() {
    return types;
  }
}
