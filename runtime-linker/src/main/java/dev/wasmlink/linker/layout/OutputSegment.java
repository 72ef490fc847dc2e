package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.InputSegment;
import java.util.ArrayList;
import java.util.List;

/** One data segment of the output: input segments of the same output name, merged at their alignments. */
public final class OutputSegment {
  private final String name;
  private final List<InputSegment> inputs = new ArrayList<>();
  private final List<InputSegment> pending = new ArrayList<>();
  /** Every input placed here, copied whole or merged into strings. */
  private final List<InputSegment> members = new ArrayList<>();
  private final List<MergedStrings> merged = new ArrayList<>();
  private InputSegment leadingInput;
  private long alignment = 1;
  private long size;
  private long address;
  private SegmentLoading loading = SegmentLoading.ACTIVE;
  private int dataIndex = -1;

  OutputSegment(String name) {
    this.name = name;
  }

  void add(InputSegment segment) {
    pending.add(segment);
  }

  /**
   * Places the inputs in order; with {@code mergeStrings}, string segments of one alignment and flag set become one
   * {@link MergedStrings}, placed where the first of them was.
   */
  void finish(boolean mergeStrings) {
    members.addAll(pending);
    List<Object> chunks = new ArrayList<>();
    for (InputSegment segment : pending) {
      if (mergeStrings && segment.isMergeableStrings()) {
        MergedStrings strings = tableFor(segment);
        if (strings == null) {
          strings = new MergedStrings(segment.alignment(), segment.flags());
          merged.add(strings);
          chunks.add(strings);
        }
        strings.add(segment);
        segment.place(name, -1);
      } else {
        chunks.add(segment);
      }
    }
    merged.forEach(MergedStrings::finish);
    leadingInput = !chunks.isEmpty() && chunks.get(0) instanceof InputSegment segment ? segment : null;
    for (Object chunk : chunks) {
      if (chunk instanceof InputSegment segment) {
        size = alignUp(size, segment.alignment());
        segment.place(name, size);
        size += segment.bytes().length();
        alignment = Math.max(alignment, segment.alignment());
        inputs.add(segment);
      } else {
        MergedStrings strings = (MergedStrings) chunk;
        size = alignUp(size, strings.alignment());
        strings.place(size);
        size += strings.size();
        alignment = Math.max(alignment, strings.alignment());
      }
    }
  }

  /** The merged strings that take {@code segment}'s, or {@code null} when none does yet. */
  private MergedStrings tableFor(InputSegment segment) {
    for (MergedStrings strings : merged) {
      if (strings.accepts(segment)) {
        return strings;
      }
    }
    return null;
  }

  /**
   * One segment holding {@code parts}, laid out already, each input and merged string table where it was: for a
   * position-independent output, whose one memory base can place only one active segment. It starts where the first
   * part does.
   */
  static OutputSegment combined(String name, List<OutputSegment> parts) {
    OutputSegment combined = new OutputSegment(name);
    long start = parts.get(0).address;
    combined.address = start;
    combined.leadingInput = parts.get(0).leadingInput;
    for (OutputSegment part : parts) {
      long offset = part.address - start;
      combined.members.addAll(part.members);
      for (InputSegment input : part.inputs) {
        input.place(name, offset + input.outputOffset());
        combined.inputs.add(input);
      }
      for (MergedStrings strings : part.merged) {
        strings.moveTo(name, offset + strings.outputOffset());
        combined.merged.add(strings);
      }
      combined.alignment = Math.max(combined.alignment, part.alignment);
      combined.size = offset + part.size;
    }
    return combined;
  }

  /**
   * The input segment its bytes start with, or {@code null} when merged strings come first (or it is empty): wasm-ld
   * names an output segment's comdat after its first chunk.
   */
  public InputSegment leadingInput() {
    return leadingInput;
  }

  /** Every input segment placed in this one, whether copied whole or merged into its strings. */
  List<InputSegment> members() {
    return members;
  }

  /** The merged string chunks, written once each. */
  public List<MergedStrings> merged() {
    return merged;
  }

  void setAddress(long address) {
    this.address = address;
  }

  void setLoading(SegmentLoading loading, int dataIndex) {
    this.loading = loading;
    this.dataIndex = dataIndex;
  }

  /** How its bytes reach memory: written active or passive, or cleared. */
  public SegmentLoading loading() {
    return loading;
  }

  /** Its index in the data section (what {@code memory.init} names), or -1 when it is not written. */
  public int dataIndex() {
    return dataIndex;
  }

  public String name() {
    return name;
  }

  /** The inputs copied whole (not merged), each with its relocations. */
  public List<InputSegment> inputs() {
    return inputs;
  }

  /** The largest alignment of its inputs, in bytes: {@code __tls_align} for the TLS segment. */
  public long alignment() {
    return alignment;
  }

  public long size() {
    return size;
  }

  public long address() {
    return address;
  }

  /**
   * Zero-initialised: memory starts zeroed, so no bytes need to be written for it. wasm-ld goes by the name:
   * {@code .bss}, or {@code .bss.*} when segments are not merged.
   */
  public boolean isBss() {
    return name.startsWith(".bss");
  }

  public boolean isTls() {
    return name.equals(".tdata");
  }

  static long alignUp(long value, long alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }
}
