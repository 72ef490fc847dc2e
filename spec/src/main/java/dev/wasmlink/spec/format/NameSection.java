package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.CustomSection;
import dev.wasmlink.spec.annotation.Name;
import dev.wasmlink.spec.annotation.OtherTags;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.RemainingBytes;
import dev.wasmlink.spec.annotation.Repeated;
import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.annotation.Vec;
import dev.wasmlink.spec.io.ByteSlice;
import java.util.List;

/** The {@code name} custom section: debugging names for the module, functions, locals, globals and segments. */
@CustomSection("name")
public record NameSection(@Repeated List<Subsection> subsections) {

  @Tagged(framed = true)
  public sealed interface Subsection {}

  @Tag(0)
  public record ModuleName(@Name String name) implements Subsection {}

  @Tag(1)
  public record FunctionNames(@Vec List<Naming> names) implements Subsection {}

  @Tag(2)
  public record LocalNames(@Vec List<IndirectNaming> functions) implements Subsection {}

  @Tag(7)
  public record GlobalNames(@Vec List<Naming> names) implements Subsection {}

  @Tag(9)
  public record DataSegmentNames(@Vec List<Naming> names) implements Subsection {}

  @OtherTags
  public record OtherNames(int tag, @RemainingBytes ByteSlice payload) implements Subsection {}

  @Record
  public record Naming(@Uleb32 int index, @Name String name) {}

  @Record
  public record IndirectNaming(@Uleb32 int index, @Vec List<Naming> names) {}
}
