package dev.wasmlink.linker.write;

import dev.wasmlink.linker.input.InputException;
import dev.wasmlink.linker.layout.MergedStrings;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.relocate.ObjectResolver;
import dev.wasmlink.linker.relocate.Relocator;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.spec.io.ByteWriter;
import dev.wasmlink.spec.reloc.PatchedSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The data section's payload: the segment count, then each written output segment's entry (flags, where it goes)
 * and its bytes, with the inputs copied into place and patched. A segment's bytes are built only where something
 * lies: the padding a large alignment leaves between two inputs (up to gigabytes for {@code aligned(1 << 28)}) stays
 * a run of zeros in the {@link ModuleImage} until the file is streamed.
 */
final class DataSectionWriter {
  private static final int ACTIVE_SEGMENT_IN_MEMORY_0 = 0;
  private static final int PASSIVE_SEGMENT = 1;
  private static final int I32_CONST = 0x41;
  private static final int GLOBAL_GET = 0x23;
  private static final int END = 0x0B;
  /** Gaps up to this long are zeros in the array around them: a piece of their own would cost more. */
  private static final long SHORT_GAP = 4096;
  /** The most data bytes a module can hold here: its offsets (the link map's, DWARF's) are Java ints. */
  private static final long MAX_DATA = Integer.MAX_VALUE - (1L << 24);

  /** Something copied into a segment: an input segment, or a string table merged from several. */
  private record Part(long offset, long length, InputSegment input, MergedStrings strings) {
    long end() {
      return offset + length;
    }
  }

  private final List<OutputSegment> written;
  private final Placements placements;
  private final Function<InputObject, ObjectResolver> resolvers;
  private final DynamicLinking dynamicLinking;
  private final Relocator relocator = new Relocator();
  private final ModuleImage payload = new ModuleImage();
  /** Entry headers and other small bytes, not yet in {@link #payload}. */
  private ByteWriter pending = new ByteWriter(64);

  /**
   * @param written the segments the data section holds, in index order
   * @param dynamicLinking how a position-independent module finds its memory base, or {@code null}
   */
  DataSectionWriter(List<OutputSegment> written, Placements placements,
      Function<InputObject, ObjectResolver> resolvers, DynamicLinking dynamicLinking) {
    this.written = written;
    this.placements = placements;
    this.resolvers = resolvers;
    this.dynamicLinking = dynamicLinking;
  }

  ModuleImage write() {
    long total = written.stream().mapToLong(OutputSegment::size).sum();
    if (total > MAX_DATA) {
      // Alignments up to 2^30 can spread a few bytes over gigabytes of padding.
      throw new InputException("the output's data segments come to " + total + " bytes, more than the "
          + MAX_DATA + " wasmlink can write");
    }
    pending.writeUleb32(written.size());
    for (OutputSegment segment : written) {
      int entry = offset();
      writeEntryHeader(segment);
      pending.writeUleb32((int) segment.size());
      placements.segment(segment, entry, offset());
      writeBytes(segment);
    }
    flushPending();
    return payload;
  }

  /** Where the next byte goes, from the start of the payload. */
  private int offset() {
    return (int) (payload.size() + pending.size());
  }

  private void writeEntryHeader(OutputSegment segment) {
    if (segment.loading().isPassive()) {
      pending.writeUleb32(PASSIVE_SEGMENT);
      return;
    }
    pending.writeUleb32(ACTIVE_SEGMENT_IN_MEMORY_0);
    if (dynamicLinking != null && dynamicLinking.isPositionIndependent()) {
      // Position-independent data sits where the loader's __memory_base says, its address counting from there.
      pending.writeU8(GLOBAL_GET);
      pending.writeUleb32(dynamicLinking.memoryBase().outputIndex());
    } else {
      pending.writeU8(I32_CONST);
      pending.writeSleb32((int) segment.address());
    }
    pending.writeU8(END);
  }

  /**
   * The segment's bytes: runs of parts close together, each built in one array, and long gaps (before, between and
   * after them) as zeros.
   */
  private void writeBytes(OutputSegment segment) {
    List<Part> parts = parts(segment);
    long position = 0;
    int first = 0;
    while (first < parts.size()) {
      int last = first;
      while (last + 1 < parts.size() && parts.get(last + 1).offset() - parts.get(last).end() <= SHORT_GAP) {
        last++;
      }
      long start = parts.get(first).offset();
      zeros(start - position);
      byte[] run = new byte[Math.toIntExact(parts.get(last).end() - start)];
      for (Part part : parts.subList(first, last + 1)) {
        copy(segment, part, run, (int) (part.offset() - start));
      }
      flushPending();
      payload.add(run);
      position = start + run.length;
      first = last + 1;
    }
    zeros(segment.size() - position);
  }

  /** What is copied into the segment, by offset; empty inputs left out (they would only split runs). */
  private static List<Part> parts(OutputSegment segment) {
    List<Part> parts = new ArrayList<>();
    for (MergedStrings strings : segment.merged()) {
      parts.add(new Part(strings.outputOffset(), strings.bytes().length, null, strings));
    }
    for (InputSegment input : segment.inputs()) {
      parts.add(new Part(input.outputOffset(), input.bytes().length(), input, null));
    }
    parts.removeIf(part -> part.length() == 0);
    parts.sort(Comparator.comparingLong(Part::offset));
    return parts;
  }

  private void copy(OutputSegment segment, Part part, byte[] run, int position) {
    if (part.strings() != null) {
      byte[] merged = part.strings().bytes();
      System.arraycopy(merged, 0, run, position, merged.length);
      return;
    }
    InputSegment input = part.input();
    input.bytes().copyTo(run, position);
    ObjectResolver resolver = resolvers.apply(input.file());
    resolver.setLocationBase(segment.address() + input.outputOffset() - input.dataOffset());
    relocator.apply(input.file().relocations(input), input.file().name(), "DATA", PatchedSection.DATA,
        resolver, run, input.dataOffset(), position);
  }

  private void zeros(long count) {
    if (count > 0) {
      flushPending();
      payload.addZeros(count);
    }
  }

  private void flushPending() {
    if (pending.size() > 0) {
      payload.add(pending.toByteArray());
      pending = new ByteWriter(64);
    }
  }
}
