package dev.wasmlink.linker.write;

import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the writer put things in the output file: each section (its first byte and whole size), each function entry
 * inside the code section's body, each data segment's entry and bytes inside the data section's body.
 */
public final class Placements {
  /** A section as the map names it ({@code TYPE}, {@code CODE}, {@code CUSTOM(name)}), at file offset {@code offset}. */
  public record SectionPlacement(String name, int offset, int size, int headerSize) {}

  private final List<SectionPlacement> sections = new ArrayList<>();
  private final Map<InputFunction, int[]> functions = new IdentityHashMap<>();
  private final Map<OutputSegment, int[]> segments = new IdentityHashMap<>();

  void section(String name, int offset, int size, int headerSize) {
    sections.add(new SectionPlacement(name, offset, size, headerSize));
  }

  void function(InputFunction function, int bodyOffset, int size) {
    functions.put(function, new int[] {bodyOffset, size});
  }

  void segment(OutputSegment segment, int entryOffset, int bytesOffset) {
    segments.put(segment, new int[] {entryOffset, bytesOffset});
  }

  public List<SectionPlacement> sections() {
    return sections;
  }

  /** The function's entry (size, then body): offset in the code section's body, and length. */
  public int[] function(InputFunction function) {
    return functions.get(function);
  }

  /** The segment's entry and its bytes: offsets in the data section's body; {@code null} when not written. */
  public int[] segment(OutputSegment segment) {
    return segments.get(segment);
  }
}
