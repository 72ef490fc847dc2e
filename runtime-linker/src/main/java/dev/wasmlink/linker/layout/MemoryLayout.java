package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.InputSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out linear memory as wasm-ld does: input segments merged into output segments by name ({@code .rodata.*} into
 * {@code .rodata}, and so on), output segments ordered TLS, read-only, data, others, bss, then the stack after the data
 * (or before it with {@code --stack-first}), then the heap. With shared memory, a 4-byte flag after the data tells
 * threads whether {@code __wasm_init_memory} has run, and the memory gets a maximum (its initial size by default).
 * Position-independent data counts from 0 (its base is {@code __memory_base}) and is one segment, with no stack.
 */
public final class MemoryLayout {
  public static final long PAGE_SIZE = 65536;
  private static final long STACK_ALIGNMENT = 16;

  private final List<OutputSegment> segments;
  private final Map<InputSegment, OutputSegment> placement = new IdentityHashMap<>();
  private final long dataStart;
  private final long dataEnd;
  private final long stackPointer;
  private final long heapBase;
  private final long initialPages;
  private final Long maxPages;
  private final Long initFlagAddress;
  private final boolean shared;
  private final long stackSize;
  private final List<String> problems;

  private MemoryLayout(List<OutputSegment> segments, long dataStart, long dataEnd, long stackPointer, long heapBase,
      long initialPages, Long maxPages, Long initFlagAddress, boolean shared, long stackSize, List<String> problems) {
    this.segments = segments;
    this.dataStart = dataStart;
    this.dataEnd = dataEnd;
    this.stackPointer = stackPointer;
    this.heapBase = heapBase;
    this.initialPages = initialPages;
    this.maxPages = maxPages;
    this.initFlagAddress = initFlagAddress;
    this.shared = shared;
    this.stackSize = stackSize;
    this.problems = problems;
    // Names do not identify output segments: in a relocatable output each comdat's segment stays apart, beside
    // another of the same name.
    for (OutputSegment segment : segments) {
      for (InputSegment input : segment.members()) {
        placement.put(input, segment);
        input.setOutputSegmentAddress(segment.address());
      }
    }
  }

  /**
   * Lays out the live segments, in input order. What the settings ask that cannot be (a size not a multiple of a
   * page, too small for what the layout needs, over 4 GiB) is in {@link #problems()}, in wasm-ld's words.
   *
   * @param bulkMemory whether the output may use bulk memory instructions (an input uses the feature), so that
   *     imported memory can be cleared with {@code memory.fill} instead of zeros in the file
   */
  public static MemoryLayout compute(List<InputSegment> live, MemorySettings settings, boolean bulkMemory) {
    List<String> problems = new ArrayList<>();
    // By output name; in a relocatable output, a comdat's segment on its own.
    Map<Object, OutputSegment> byName = new LinkedHashMap<>();
    for (InputSegment segment : live) {
      String name = outputName(segment, settings.mergeSegments());
      Object key = settings.relocatable() && segment.comdat() != null ? segment : name;
      byName.computeIfAbsent(key, k -> new OutputSegment(name)).add(segment);
    }
    List<OutputSegment> segments = new ArrayList<>(byName.values());
    segments.forEach(segment -> segment.finish(settings.mergeStrings()));
    segments.sort(Comparator.comparingInt(segment -> order(segment.name())));

    long pointer = settings.globalBase();
    long stackPointer = 0;
    boolean placesStack = !settings.positionIndependent();
    if (placesStack && settings.stackFirst()) {
      pointer = OutputSegment.alignUp(0, STACK_ALIGNMENT) + settings.stackSize();
      stackPointer = pointer;
      if (settings.globalBase() != 0) {
        if (settings.globalBase() < pointer) {
          problems.add("--global-base cannot be less than stack size when --stack-first is used");
        }
        pointer = settings.globalBase();
      }
    }
    long dataStart = pointer;
    int written = 0;
    boolean initializedAtStart = false;
    for (OutputSegment segment : segments) {
      pointer = OutputSegment.alignUp(pointer, segment.alignment());
      segment.setAddress(pointer);
      pointer += segment.size();
      SegmentLoading loading = SegmentLoading.of(segment, settings, bulkMemory);
      segment.setLoading(loading, loading.isWritten() ? written++ : -1);
      initializedAtStart |= loading.isInitializedAtStart();
    }
    Long initFlagAddress = null;
    if (settings.shared() && initializedAtStart) {
      pointer = OutputSegment.alignUp(pointer, 4);
      initFlagAddress = pointer;
      pointer += 4;
    }
    long dataEnd = pointer;
    if (placesStack && !settings.stackFirst()) {
      pointer = OutputSegment.alignUp(pointer, STACK_ALIGNMENT) + settings.stackSize();
      stackPointer = pointer;
    }
    // Position-independent, nothing follows the data: no stack, no heap of this module's own.
    long heapBase = placesStack ? OutputSegment.alignUp(pointer, STACK_ALIGNMENT) : pointer;
    if (settings.positionIndependent() && !settings.shared() && segments.size() > 1) {
      // One base places one active segment: the segments become one .data, each byte where it was.
      segments = List.of(OutputSegment.combined(".data", segments));
      segments.get(0).setLoading(SegmentLoading.ACTIVE, 0);
    }
    long needed = sizeNeeded(heapBase, settings, problems);
    long initialPages = needed / PAGE_SIZE;
    Long maxPages = null;
    if (settings.maxMemory() != null) {
      checkSize("maximum", settings.maxMemory(), needed, problems);
      maxPages = settings.maxMemory() / PAGE_SIZE;
    } else if (settings.shared() && settings.growable() && settings.positionIndependent()) {
      // Shared memory must declare a maximum. A position-independent module's memory is the whole program's, which
      // grows with every module loaded: wasm-ld leaves it all the room a 32-bit address has.
      maxPages = MAX_MEMORY / PAGE_SIZE;
    } else if (!settings.growable() || settings.shared()) {
      // Shared memory must declare a maximum; without --max-memory, wasm-ld uses the initial size.
      maxPages = initialPages;
    }
    return new MemoryLayout(List.copyOf(segments), dataStart, dataEnd, stackPointer, heapBase, initialPages,
        maxPages, initFlagAddress, settings.shared(), settings.stackSize(), List.copyOf(problems));
  }

  /** The largest memory a 32-bit address reaches. */
  private static final long MAX_MEMORY = 1L << 32;

  /**
   * The initial memory in bytes, a whole number of pages: what the layout needs ({@code heapBase}, plus
   * {@code --initial-heap}), or {@code --initial-memory} when that is enough, as wasm-ld decides it.
   */
  private static long sizeNeeded(long heapBase, MemorySettings settings, List<String> problems) {
    long pointer = heapBase;
    if (settings.initialHeap() != null) {
      if (settings.initialHeap() % PAGE_SIZE != 0) {
        problems.add("initial heap must be " + PAGE_SIZE + "-byte aligned");
      }
      long maxInitialHeap = MAX_MEMORY - pointer;
      if (settings.initialHeap() > maxInitialHeap) {
        problems.add("initial heap too large, cannot be greater than " + maxInitialHeap);
      }
      pointer += settings.initialHeap();
    }
    if (settings.initialMemory() != null) {
      checkSize("initial", settings.initialMemory(), pointer, problems);
      pointer = settings.initialMemory();
    } else if (OutputSegment.alignUp(pointer, PAGE_SIZE) > MAX_MEMORY && problems.isEmpty()) {
      // wasm-ld 19 checks only a size the command line gives: laid out past 4 GiB (segments aligned to 2^30, a
      // huge .bss or stack), it writes a memory of more than 65536 pages, which no engine accepts, or wraps the
      // page count around. The initial memory is what is too large; say so in the words of the --initial-memory
      // check.
      problems.add("initial memory too large, cannot be greater than " + MAX_MEMORY);
    }
    return OutputSegment.alignUp(pointer, PAGE_SIZE);
  }

  private static void checkSize(String which, long size, long needed, List<String> problems) {
    if (size % PAGE_SIZE != 0) {
      problems.add(which + " memory must be " + PAGE_SIZE + "-byte aligned");
    }
    if (needed > size) {
      problems.add(which + " memory too small, " + needed + " bytes needed");
    }
    if (size > MAX_MEMORY) {
      problems.add(which + " memory too large, cannot be greater than " + MAX_MEMORY);
    }
  }

  /**
   * wasm-ld's output segment names: one TLS segment, and the usual prefixes merged unless {@code merge} is off
   * ({@code --no-merge-data-segments}).
   */
  public static String outputName(InputSegment segment, boolean merge) {
    String name = segment.name();
    if (segment.isTls()) {
      return ".tdata";
    }
    if (!merge) {
      return name;
    }
    for (String output : MERGED_NAMES) {
      if (name.length() > output.length() && name.startsWith(output) && name.charAt(output.length()) == '.') {
        return output;
      }
    }
    return name;
  }

  /** What {@code NAME.*} segments merge into. */
  private static final List<String> MERGED_NAMES = List.of(".text", ".data", ".bss", ".rodata");

  /** What the settings asked that the layout cannot give, in wasm-ld's words; empty when all is well. */
  public List<String> problems() {
    return problems;
  }

  private static int order(String name) {
    if (name.startsWith(".tdata")) {
      return 0;
    } else if (name.startsWith(".rodata")) {
      return 1;
    } else if (name.startsWith(".data")) {
      return 2;
    } else if (name.startsWith(".bss")) {
      return 4;
    }
    return 3;
  }

  public List<OutputSegment> segments() {
    return segments;
  }

  /** {@code __global_base}: where data starts. */
  public long dataStart() {
    return dataStart;
  }

  /** {@code __data_end}. */
  public long dataEnd() {
    return dataEnd;
  }

  /** The initial value of {@code __stack_pointer}: the top of the stack. */
  public long stackPointer() {
    return stackPointer;
  }

  /** {@code __stack_low}: the bottom of the stack, which grows down from {@link #stackPointer}. */
  public long stackLow() {
    return stackPointer - stackSize;
  }

  /** {@code __heap_base}. */
  public long heapBase() {
    return heapBase;
  }

  public long initialPages() {
    return initialPages;
  }

  /** The maximum in pages, or {@code null}. */
  public Long maxPages() {
    return maxPages;
  }

  /**
   * {@code __heap_end}: the end of the initial memory, as wasm-ld sets it (an allocator grows the memory past it).
   */
  public long heapEnd() {
    return initialPages * PAGE_SIZE;
  }

  /** Whether threads share the memory ({@code --shared-memory}). */
  public boolean isShared() {
    return shared;
  }

  /**
   * Where {@code __wasm_init_memory} keeps its once-only flag (0 not started, 1 running, 2 done), or {@code null}
   * when memory is not shared or has nothing to initialize.
   */
  public Long initFlagAddress() {
    return initFlagAddress;
  }

  /** Whether any segment is copied or cleared by {@code __wasm_init_memory}, which then must exist. */
  public boolean needsInitialization() {
    return segments.stream().anyMatch(segment -> segment.loading().isInitializedAtStart());
  }

  /** The segments the data section holds, in their index order. */
  public List<OutputSegment> writtenSegments() {
    return segments.stream().filter(segment -> segment.loading().isWritten()).toList();
  }

  /** The one thread-local segment, {@code .tdata}, or {@code null} when no live data is thread-local. */
  public OutputSegment tlsSegment() {
    return segment(".tdata");
  }

  /** The output segment {@code input} was placed in, or {@code null} when it was not (it is not live). */
  public OutputSegment segmentOf(InputSegment input) {
    return placement.get(input);
  }

  /**
   * The first output segment called {@code name}, or {@code null}. Only for names that occur once (a relocatable
   * output keeps segments of one name apart when they are in comdats): to find an input's, {@link #segmentOf}.
   */
  public OutputSegment segment(String name) {
    return segments.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}
