package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Name;
import dev.wasmlink.spec.annotation.OtherTags;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.RemainingBytes;
import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.annotation.Vec;
import dev.wasmlink.spec.io.ByteSlice;
import java.util.List;

/** A subsection of {@code linking}: an id byte, a size, then the payload. */
@Tagged(framed = true)
public sealed interface LinkingSubsection {
  /** Id 5: name, alignment and flags of each data segment, in data-section order. */
  @Tag(5)
  record SegmentInfo(@Vec List<Segment> segments) implements LinkingSubsection {}

  /** Id 6: constructors to run, each a priority and a function symbol. */
  @Tag(6)
  record InitFunctions(@Vec List<InitFunction> functions) implements LinkingSubsection {}

  /** Id 7: comdat groups: of several objects defining the same group, the linker keeps the first. */
  @Tag(7)
  record ComdatInfo(@Vec List<Comdat> comdats) implements LinkingSubsection {}

  /** Id 8: the symbol table. */
  @Tag(8)
  record SymbolTable(@Vec List<SymbolInfo> symbols) implements LinkingSubsection {}

  /** A subsection this format does not describe, kept as it was. */
  @OtherTags
  record Other(int tag, @RemainingBytes ByteSlice payload) implements LinkingSubsection {}

  /** Flags are {@link SegmentFlags}; alignment is its log2. */
  @Record
  record Segment(@Name String name, @Uleb32 int alignmentLog2, @Uleb32 int flags) {}

  @Record
  record InitFunction(@Uleb32 int priority, @Uleb32 int symbol) {}

  @Record
  record Comdat(@Name String name, @Uleb32 int flags, @Vec List<ComdatMember> members) {}

  /** Kind 0 a data segment, 1 a function, 2 a global, 3 a tag, 4 a table, 5 a custom section; and its index. */
  @Record
  record ComdatMember(@U8 int kind, @Uleb32 int index) {}
}
