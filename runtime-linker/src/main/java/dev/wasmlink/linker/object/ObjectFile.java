package dev.wasmlink.linker.object;

import dev.wasmlink.spec.format.CodeSection;
import dev.wasmlink.spec.format.CodeSectionDecoder;
import dev.wasmlink.spec.format.DataCountSection;
import dev.wasmlink.spec.format.DataCountSectionDecoder;
import dev.wasmlink.spec.format.DataSection;
import dev.wasmlink.spec.format.DataSectionDecoder;
import dev.wasmlink.spec.format.ElementSection;
import dev.wasmlink.spec.format.ElementSectionDecoder;
import dev.wasmlink.spec.format.ExportSection;
import dev.wasmlink.spec.format.ExportSectionDecoder;
import dev.wasmlink.spec.format.FunctionSection;
import dev.wasmlink.spec.format.FunctionSectionDecoder;
import dev.wasmlink.spec.format.GlobalSection;
import dev.wasmlink.spec.format.GlobalSectionDecoder;
import dev.wasmlink.spec.format.ImportSection;
import dev.wasmlink.spec.format.ImportSectionDecoder;
import dev.wasmlink.spec.format.LinkingSection;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.LinkingSectionDecoder;
import dev.wasmlink.spec.format.MemorySection;
import dev.wasmlink.spec.format.MemorySectionDecoder;
import dev.wasmlink.spec.format.NameSection;
import dev.wasmlink.spec.format.NameSectionDecoder;
import dev.wasmlink.spec.format.ProducersSection;
import dev.wasmlink.spec.format.ProducersSectionDecoder;
import dev.wasmlink.spec.format.SectionLayouts;
import dev.wasmlink.spec.format.RelocationSection;
import dev.wasmlink.spec.format.RelocationSectionDecoder;
import dev.wasmlink.spec.format.StartSection;
import dev.wasmlink.spec.format.StartSectionDecoder;
import dev.wasmlink.spec.format.TableSection;
import dev.wasmlink.spec.format.TableSectionDecoder;
import dev.wasmlink.spec.format.TagSection;
import dev.wasmlink.spec.format.TagSectionDecoder;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import dev.wasmlink.spec.format.TargetFeaturesSectionDecoder;
import dev.wasmlink.spec.format.TypeSection;
import dev.wasmlink.spec.format.TypeSectionDecoder;
import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.InputLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One wasm object file: its section table, read eagerly because it is cheap and every later question needs it, and
 * each section's contents, decoded by the generated decoders only when first asked for. Code bodies and data
 * segments stay views of the input bytes.
 */
public final class ObjectFile {
  private final InputLocation location;
  private final int objectStart;
  private final List<SectionHeader> sections;
  private final Object[] decoded;

  ObjectFile(InputLocation location, int objectStart, List<SectionHeader> sections) {
    this.location = location;
    this.objectStart = objectStart;
    this.sections = List.copyOf(sections);
    this.decoded = new Object[sections.size()];
  }

  /** The file (and archive member) this object came from. */
  public InputLocation location() {
    return location;
  }

  /** Every section in file order; a section's position is its index. */
  public List<SectionHeader> sections() {
    return sections;
  }

  /** The core section with this id, if the object has one. */
  public Optional<SectionHeader> section(int id) {
    // Loops rather than streams: every stage asks every object for its sections again.
    for (SectionHeader section : sections) {
      if (section.id() == id && id != 0) {
        return Optional.of(section);
      }
    }
    return Optional.empty();
  }

  /** The custom section with this name, if the object has one. */
  public Optional<SectionHeader> customSection(String name) {
    for (SectionHeader section : sections) {
      if (section.isCustom() && section.name().equals(name)) {
        return Optional.of(section);
      }
    }
    return Optional.empty();
  }

  /** A reader over one section's payload, reporting errors as inside that section. */
  public ByteReader reader(SectionHeader section) {
    return ByteReader.of(section.payload(), objectStart, location.inSection(section.name()));
  }

  public Optional<TypeSection> types() {
    return core(TypeSectionDecoder.ID, TypeSection.class);
  }

  public Optional<ImportSection> imports() {
    return core(ImportSectionDecoder.ID, ImportSection.class);
  }

  public Optional<FunctionSection> functions() {
    return core(FunctionSectionDecoder.ID, FunctionSection.class);
  }

  public Optional<TableSection> tables() {
    return core(TableSectionDecoder.ID, TableSection.class);
  }

  public Optional<MemorySection> memories() {
    return core(MemorySectionDecoder.ID, MemorySection.class);
  }

  public Optional<GlobalSection> globals() {
    return core(GlobalSectionDecoder.ID, GlobalSection.class);
  }

  public Optional<ExportSection> exports() {
    return core(ExportSectionDecoder.ID, ExportSection.class);
  }

  public Optional<StartSection> start() {
    return core(StartSectionDecoder.ID, StartSection.class);
  }

  public Optional<ElementSection> elements() {
    return core(ElementSectionDecoder.ID, ElementSection.class);
  }

  public Optional<DataCountSection> dataCount() {
    return core(DataCountSectionDecoder.ID, DataCountSection.class);
  }

  public Optional<CodeSection> code() {
    return core(CodeSectionDecoder.ID, CodeSection.class);
  }

  public Optional<DataSection> data() {
    return core(DataSectionDecoder.ID, DataSection.class);
  }

  public Optional<TagSection> tags() {
    return core(TagSectionDecoder.ID, TagSection.class);
  }

  /** The {@code linking} section; its version must be 2, the only one this reader knows. */
  public Optional<LinkingSection> linking() {
    Optional<LinkingSection> linking = custom(LinkingSectionDecoder.NAME, LinkingSection.class);
    linking.ifPresent(section -> {
      if (section.version() != LinkingSection.VERSION) {
        SectionHeader header = customSection(LinkingSectionDecoder.NAME).orElseThrow();
        throw reader(header).error("linking section version " + section.version() + " is not supported (expected "
            + LinkingSection.VERSION + ")");
      }
    });
    return linking;
  }

  /** The {@code linking} section's subsections of one kind, in order; none when there is no such section. */
  public <T extends LinkingSubsection> List<T> linkingSubsections(Class<T> type) {
    return linking().stream()
        .flatMap(linking -> linking.subsections().stream())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  public Optional<TargetFeaturesSection> targetFeatures() {
    return custom(TargetFeaturesSectionDecoder.NAME, TargetFeaturesSection.class);
  }

  public Optional<ProducersSection> producers() {
    return custom(ProducersSectionDecoder.NAME, ProducersSection.class);
  }

  public Optional<NameSection> names() {
    return custom(NameSectionDecoder.NAME, NameSection.class);
  }

  /** Every {@code reloc.*} section with its header, in file order. */
  public List<Relocations> relocations() {
    List<Relocations> all = new ArrayList<>();
    for (SectionHeader header : sections) {
      if (header.isCustom() && RelocationSectionDecoder.accepts(header.name())) {
        all.add(new Relocations(header, (RelocationSection) decoded(header)));
      }
    }
    return all;
  }

  /** A {@code reloc.*} section and where it is. */
  public record Relocations(SectionHeader header, RelocationSection section) {}

  private <T> Optional<T> core(int id, Class<T> type) {
    return section(id).map(header -> type.cast(decoded(header)));
  }

  private <T> Optional<T> custom(String name, Class<T> type) {
    return customSection(name).map(header -> type.cast(decoded(header)));
  }

  /**
   * The section's payload decoded with its declared layout, once; {@code null} for a custom section no layout
   * declares (DWARF, for one), which stays bytes.
   */
  public synchronized Object decoded(SectionHeader header) {
    Object cached = decoded[header.index()];
    if (cached == null) {
      ByteReader in = reader(header);
      cached = header.isCustom()
          ? SectionLayouts.decodeCustom(header.name(), in)
          : SectionLayouts.decodeCore(header.id(), in);
      decoded[header.index()] = cached == null ? NOT_DECLARED : cached;
    }
    return cached == NOT_DECLARED ? null : cached;
  }

  /** Marks a section that has no declared layout, so it is not looked at again. */
  private static final Object NOT_DECLARED = new Object();

  @Override
  public String toString() {
    return location.input();
  }
}
