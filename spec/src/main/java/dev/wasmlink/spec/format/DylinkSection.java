package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.CustomSection;
import dev.wasmlink.spec.annotation.Encoding;
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

/** The {@code dylink.0} custom section of shared libraries and PIE executables (DynamicLinking.md). */
@CustomSection("dylink.0")
public record DylinkSection(@Repeated List<Subsection> subsections) {

  @Tagged(framed = true)
  public sealed interface Subsection {}

  /** Id 1: memory and table the module needs; alignments are log2. */
  @Tag(1)
  public record MemoryInfo(
      @Uleb32 int memorySize, @Uleb32 int memoryAlignment, @Uleb32 int tableSize, @Uleb32 int tableAlignment)
      implements Subsection {}

  /** Id 2: shared libraries this one needs. */
  @Tag(2)
  public record Needed(@Vec(Encoding.NAME) List<String> libraries) implements Subsection {}

  /** Id 3: symbol flags of exports. */
  @Tag(3)
  public record ExportInfo(@Vec List<ExportFlags> exports) implements Subsection {}

  /** Id 4: symbol flags of imports. */
  @Tag(4)
  public record ImportInfo(@Vec List<ImportFlags> imports) implements Subsection {}

  /** Id 5: runtime search paths. */
  @Tag(5)
  public record RuntimePath(@Vec(Encoding.NAME) List<String> paths) implements Subsection {}

  @OtherTags
  public record Other(int tag, @RemainingBytes ByteSlice payload) implements Subsection {}

  @Record
  public record ExportFlags(@Name String name, @Uleb32 int flags) {}

  @Record
  public record ImportFlags(@Name String module, @Name String field, @Uleb32 int flags) {}
}
