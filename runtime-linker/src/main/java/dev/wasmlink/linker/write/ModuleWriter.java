package dev.wasmlink.linker.write;

import dev.wasmlink.linker.layout.MemoryLayout;
import dev.wasmlink.linker.layout.TableSettings;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.relocate.ObjectResolver;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputTable;
import dev.wasmlink.linker.symbols.InputTag;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.CodeSectionDecoder;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.DataSectionDecoder;
import dev.wasmlink.spec.format.DylinkSectionEncoder;
import dev.wasmlink.spec.format.ElementSegment;
import dev.wasmlink.spec.format.ElementSection;
import dev.wasmlink.spec.format.ElementSectionEncoder;
import dev.wasmlink.spec.format.Export;
import dev.wasmlink.spec.format.ExportSection;
import dev.wasmlink.spec.format.ExportSectionEncoder;
import dev.wasmlink.spec.format.FunctionSection;
import dev.wasmlink.spec.format.FunctionSectionEncoder;
import dev.wasmlink.spec.format.Global;
import dev.wasmlink.spec.format.GlobalSection;
import dev.wasmlink.spec.format.GlobalSectionEncoder;
import dev.wasmlink.spec.format.GlobalType;
import dev.wasmlink.spec.format.Import;
import dev.wasmlink.spec.format.ImportDescriptor;
import dev.wasmlink.spec.format.ImportSection;
import dev.wasmlink.spec.format.ImportSectionEncoder;
import dev.wasmlink.spec.format.Limits;
import dev.wasmlink.spec.format.LinkingSectionEncoder;
import dev.wasmlink.spec.format.MemorySection;
import dev.wasmlink.spec.format.MemorySectionEncoder;
import dev.wasmlink.spec.format.NameSection;
import dev.wasmlink.spec.format.NameSectionEncoder;
import dev.wasmlink.spec.format.ProducersSection;
import dev.wasmlink.spec.format.RelocationSection;
import dev.wasmlink.spec.format.RelocationSectionEncoder;
import dev.wasmlink.spec.format.ProducersSectionEncoder;
import dev.wasmlink.spec.format.TableSection;
import dev.wasmlink.spec.format.TableSectionEncoder;
import dev.wasmlink.spec.format.TableType;
import dev.wasmlink.spec.format.TagSection;
import dev.wasmlink.spec.format.TagSectionEncoder;
import dev.wasmlink.spec.format.TagType;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import dev.wasmlink.spec.format.TargetFeaturesSectionEncoder;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.format.TypeSectionEncoder;
import dev.wasmlink.spec.io.ByteWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes the output module from its layout: the index-space sections through the generated encoders, the code and
 * data sections as copies of the input chunks patched in place with their relocations, then the custom sections.
 */
public final class ModuleWriter {
  private static final int FUNCREF = 0x70;

  /** What the writer needs beyond the layout. */
  public record Contents(
      ModuleLayout layout,
      PendingCustomSections inputCustomSections,
      List<ExportEntry> exports,
      boolean tablePresent,
      TableSettings table,
      MemoryInterface memory,
      CustomSectionSettings customSections,
      TargetFeaturesSection targetFeatures,
      ProducersSection producers,
      String moduleName,
      InputFunction startFunction,
      DisplayNames displayNames,
      RelocatableMetadata relocatable,
      DynamicLinking dynamicLinking) {}

  private final Contents contents;
  private final ModuleLayout layout;
  private final Map<InputObject, ObjectResolver> resolvers = new HashMap<>();
  private CustomSections customs;

  public ModuleWriter(Contents contents) {
    this.contents = contents;
    this.layout = contents.layout();
  }

  /** The inputs' custom sections, laid out: waits for the work started before the writer was made. */
  private CustomSections customs() {
    if (customs == null) {
      customs = contents.inputCustomSections().get();
    }
    return customs;
  }

  /** The module, as pieces to stream: the code and data are not copied into one array with the rest. */
  public ModuleImage write() {
    ByteWriter out = new ByteWriter(1 << 16);
    out.writeBytes(new byte[] {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}, 0, 8);
    if (contents.dynamicLinking() != null) {
      // A loader reads dylink.0 before anything else, so it comes first.
      customSection(out, "dylink.0",
          payload -> DylinkSectionEncoder.encode(contents.dynamicLinking().dylink(), payload));
    }
    // Code is written first: it fixes the code offsets that debug sections refer to.
    byte[] code = new CodeSectionWriter(layout, placements, this::resolver).write();
    // Imports register their types as they are written: list them first, so that an empty type section is known.
    List<Import> imports = imports();
    if (!layout.types().types().isEmpty()) {
      section(out, 1, payload -> TypeSectionEncoder.encode(
          new dev.wasmlink.spec.format.TypeSection(new ArrayList<TypeEntry>(layout.types().types())), payload));
    }
    if (!imports.isEmpty()) {
      section(out, 2, payload -> ImportSectionEncoder.encode(new ImportSection(imports), payload));
    }
    if (!layout.functions().isEmpty()) {
      section(out, 3, payload -> FunctionSectionEncoder.encode(new FunctionSection(functionTypes()), payload));
    }
    List<TableType> tables = definedTables();
    if (!tables.isEmpty()) {
      section(out, 4, payload -> TableSectionEncoder.encode(new TableSection(tables), payload));
    }
    if (!contents.memory().imported()) {
      section(out, 5, payload -> MemorySectionEncoder.encode(new MemorySection(List.of(memoryLimits())), payload));
    }
    if (!layout.tags().isEmpty()) {
      // The tag section sits between memory and global, out of id order.
      section(out, 13, payload -> TagSectionEncoder.encode(new TagSection(tagTypes()), payload));
    }
    if (!layout.globals().isEmpty()) {
      section(out, 6, payload -> GlobalSectionEncoder.encode(new GlobalSection(globals()), payload));
    }
    if (!contents.exports().isEmpty()) {
      section(out, 7, payload -> ExportSectionEncoder.encode(new ExportSection(exports()), payload));
    }
    if (contents.startFunction() != null) {
      section(out, 8, payload -> payload.writeUleb32(contents.startFunction().outputIndex()));
    }
    if (!layout.tableEntries().isEmpty()) {
      section(out, 9, payload -> ElementSectionEncoder.encode(new ElementSection(List.of(elements())), payload));
    }
    int writtenSegments = layout.memory().writtenSegments().size();
    if (layout.memory().isShared() && writtenSegments > 0) {
      // memory.init and data.drop name segments, which a validator can only check once it knows how many exist.
      section(out, 12, payload -> payload.writeUleb32(writtenSegments));
    }
    if (!layout.functions().isEmpty()) {
      preparedSection(out, CodeSectionDecoder.ID, code);
    }
    List<OutputSegment> written = layout.memory().writtenSegments();
    if (!written.isEmpty()) {
      ModuleImage data = new DataSectionWriter(written, placements, this::resolver, contents.dynamicLinking()).write();
      preparedSection(out, DataSectionDecoder.ID, data);
    }
    writeCustomSections(out);
    image.add(out.toByteArray());
    if (contents.customSections().buildId() != null) {
      BuildId.fill(contents.customSections().buildId(), image);
    }
    return image;
  }

  /** The sections written so far but for those in the {@code ByteWriter} the section methods are given. */
  private final ModuleImage image = new ModuleImage();

  /** Where the next byte written to {@code out} lands in the file. */
  private int fileOffset(ByteWriter out) {
    return (int) (image.size() + out.size());
  }

  private void section(ByteWriter out, int id, Consumer<ByteWriter> payload) {
    int start = fileOffset(out);
    out.writeU8(id);
    out.writeSized(payload);
    placements.section(SECTION_NAMES.get(id), start, fileOffset(out) - start, 0);
  }

  private void customSection(ByteWriter out, String name, Consumer<ByteWriter> payload) {
    int start = fileOffset(out);
    out.writeU8(0);
    out.writeSized(inner -> {
      inner.writeName(name);
      payload.accept(inner);
    });
    placements.section("CUSTOM(" + name + ")", start, fileOffset(out) - start, 0);
  }

  /**
   * A custom section whose payload was built beforehand (the inputs' DWARF, merged strings): its header goes to
   * {@code out}, which then joins the image, and the payload follows uncopied; debug sections are most of a debug
   * build's output.
   */
  private void preparedCustomSection(ByteWriter out, String name, byte[] payload) {
    int start = fileOffset(out);
    ByteWriter encodedName = new ByteWriter(name.length() + 5);
    encodedName.writeName(name);
    out.writeU8(0);
    out.writeUleb32(encodedName.size() + payload.length);
    out.writeBytes(encodedName.toByteArray(), 0, encodedName.size());
    image.add(out.toByteArray());
    out.reset();
    image.add(payload);
    placements.section("CUSTOM(" + name + ")", start, fileOffset(out) - start, 0);
  }

  /** A section written whole from a payload built beforehand (code): records where its body starts. */
  private void preparedSection(ByteWriter out, int id, byte[] payload) {
    ModuleImage pieces = new ModuleImage();
    pieces.add(payload);
    preparedSection(out, id, pieces);
  }

  /**
   * A section whose payload was built beforehand (code, data): its header goes to {@code out}, which then joins the
   * image, and the payload follows it uncopied. Records where the section's body starts.
   */
  private void preparedSection(ByteWriter out, int id, ModuleImage payload) {
    int start = fileOffset(out);
    out.writeU8(id);
    out.writeUleb32((int) payload.size());
    int headerSize = fileOffset(out) - start;
    image.add(out.toByteArray());
    out.reset();
    image.add(payload);
    placements.section(SECTION_NAMES.get(id), start, fileOffset(out) - start, headerSize);
  }

  private static final java.util.Map<Integer, String> SECTION_NAMES = java.util.Map.ofEntries(
      java.util.Map.entry(1, "TYPE"), java.util.Map.entry(2, "IMPORT"), java.util.Map.entry(3, "FUNCTION"),
      java.util.Map.entry(4, "TABLE"), java.util.Map.entry(5, "MEMORY"), java.util.Map.entry(6, "GLOBAL"),
      java.util.Map.entry(7, "EXPORT"), java.util.Map.entry(8, "START"), java.util.Map.entry(9, "ELEM"),
      java.util.Map.entry(10, "CODE"), java.util.Map.entry(11, "DATA"), java.util.Map.entry(12, "DATACOUNT"),
      java.util.Map.entry(13, "TAG"));

  private final Placements placements = new Placements();

  /** Where every section, function and data segment landed in the file, for the link map. */
  public Placements placements() {
    return placements;
  }

  /** The tables the module defines, in index order: the inputs' and, unless imported, the indirect function table. */
  private List<TableType> definedTables() {
    List<TableType> tables = new ArrayList<>();
    for (InputTable table : layout.tables()) {
      tables.add(table.type());
    }
    if (contents.tablePresent() && !contents.table().imported()) {
      // The indirect function table comes first or last (ModuleLayout.assignTables).
      tables.add(layout.indirectTableIndex() == 0 ? 0 : tables.size(), tableType());
    }
    return tables;
  }

  /** The indirect function table: one slot per entry after the base; fixed in size unless it may grow. */
  private TableType tableType() {
    long size = layout.tableBase() + layout.tableEntries().size();
    Limits limits = contents.table().growable() ? new Limits(0, size, null) : new Limits(Limits.HAS_MAXIMUM, size, size);
    return new TableType(FUNCREF, limits);
  }

  private List<Import> imports() {
    List<Import> imports = new ArrayList<>();
    if (contents.memory().imported()) {
      imports.add(new Import(contents.memory().importModule(), contents.memory().importName(),
          new ImportDescriptor.MemoryImport(memoryLimits())));
    }
    boolean tableImported = contents.tablePresent() && contents.table().imported();
    List<Symbol> symbols = layout.imports();
    for (int i = 0; i <= symbols.size(); i++) {
      if (tableImported && i == layout.tableImportPosition()) {
        // An imported table may be bigger than the link needs: only its minimum is said.
        imports.add(new Import("env", "__indirect_function_table", new ImportDescriptor.TableImport(
            new TableType(FUNCREF, new Limits(0, layout.tableBase() + layout.tableEntries().size(), null)))));
      }
      if (i == symbols.size()) {
        break;
      }
      Symbol symbol = symbols.get(i);
      ImportDescriptor descriptor = switch (symbol.kind()) {
        case FUNCTION -> new ImportDescriptor.FunctionImport(layout.types().register(symbol.signature()));
        case GLOBAL -> new ImportDescriptor.GlobalImport(
            symbol.globalType() != null ? symbol.globalType() : new GlobalType(0x7F, 0));
        case TAG -> new ImportDescriptor.TagImport(EXCEPTION_ATTRIBUTE, layout.types().register(symbol.signature()));
        default -> throw new IllegalStateException("not importable: " + symbol);
      };
      imports.add(new Import(moduleOf(symbol), fieldOf(symbol), descriptor));
    }
    return imports;
  }

  /** The only tag attribute there is: an exception. */
  private static final int EXCEPTION_ATTRIBUTE = 0;

  private List<TagType> tagTypes() {
    List<TagType> tags = new ArrayList<>();
    for (InputTag tag : layout.tags()) {
      tags.add(new TagType(EXCEPTION_ATTRIBUTE, layout.types().register(tag.type())));
    }
    return tags;
  }

  private static String moduleOf(Symbol symbol) {
    return symbol.importModule() != null ? symbol.importModule() : "env";
  }

  private static String fieldOf(Symbol symbol) {
    return symbol.importName() != null ? symbol.importName() : symbol.name();
  }

  private List<Integer> functionTypes() {
    List<Integer> types = new ArrayList<>();
    for (InputFunction function : layout.functions()) {
      types.add(layout.types().register(function.type()));
    }
    return types;
  }

  private Limits memoryLimits() {
    MemoryLayout memory = layout.memory();
    int shared = memory.isShared() ? Limits.SHARED : 0;
    return memory.maxPages() == null
        ? new Limits(shared, memory.initialPages(), null)
        : new Limits(Limits.HAS_MAXIMUM | shared, memory.initialPages(), memory.maxPages());
  }

  private List<Global> globals() {
    List<Global> globals = new ArrayList<>();
    for (InputGlobal global : layout.globals()) {
      globals.add(new Global(global.type(), global.initialValue()));
    }
    return globals;
  }

  private List<Export> exports() {
    List<Export> exports = new ArrayList<>();
    for (ExportEntry entry : contents.exports()) {
      exports.add(new Export(entry.name(), entry.kind(), entry.index()));
    }
    return exports;
  }

  private ElementSegment elements() {
    List<Integer> functions = new ArrayList<>();
    for (Symbol symbol : layout.tableEntries()) {
      functions.add(symbol.function() != null ? symbol.function().outputIndex() : symbol.outputIndex());
    }
    DynamicLinking dynamic = contents.dynamicLinking();
    ConstExpr offset = dynamic != null && dynamic.isPositionIndependent()
        ? new ConstExpr.GlobalGet(dynamic.tableBase().outputIndex())
        : new ConstExpr.I32Const((int) layout.tableBase());
    return new ElementSegment.ActiveFunctions(offset, functions);
  }

  private ObjectResolver resolver(InputObject object) {
    return resolvers.computeIfAbsent(object,
        // Code relocations do not refer to custom sections: the places are asked for only if one does.
        o -> new ObjectResolver(o, layout, (section, offset) -> customs().placesOf(o).outputOffsetOf(section, offset)));
  }

  private void writeCustomSections(ByteWriter out) {
    Map<String, byte[]> patched = PatchedCustomSections.of(customs(), layout);
    for (String name : customs().byName().keySet()) {
      byte[] merged = customs().mergedContents(name);
      preparedCustomSection(out, name, merged != null ? merged : patched.get(name));
    }
    if (contents.relocatable() != null) {
      writeRelocatableSections(out);
    }
    CustomSectionSettings settings = contents.customSections();
    if (settings.keepsLinkerSection("name")) {
      customSection(out, "name", payload -> NameSectionEncoder.encode(names(), payload));
    }
    if (settings.keepsLinkerSection("producers") && contents.producers() != null
        && !contents.producers().fields().isEmpty()) {
      customSection(out, "producers", payload -> ProducersSectionEncoder.encode(contents.producers(), payload));
    }
    if (settings.keepsLinkerSection("target_features") && contents.targetFeatures() != null) {
      customSection(out, "target_features",
          payload -> TargetFeaturesSectionEncoder.encode(contents.targetFeatures(), payload));
    }
    if (settings.buildId() != null) {
      // Last of all: BuildId.fill then writes the identifier over the placeholder, the module's last bytes.
      byte[] placeholder = BuildId.placeholder(settings.buildId());
      customSection(out, "build_id", payload -> {
        payload.writeUleb32(placeholder.length);
        payload.writeBytes(placeholder, 0, placeholder.length);
      });
    }
  }

  /**
   * The {@code linking} section and the {@code reloc.*} sections of a relocatable output, where wasm-ld puts them:
   * after the inputs' custom sections, before the name section. Each names the section it patches by index.
   */
  private void writeRelocatableSections(ByteWriter out) {
    RelocatableMetadata metadata = contents.relocatable();
    customSection(out, "linking", payload -> LinkingSectionEncoder.encode(metadata.linking(
        List.copyOf(customs().byName().keySet()), name -> sectionIndex("CUSTOM(" + name + ")")), payload));
    RelocationSections relocations = new RelocationSections(layout, placements, metadata, customs());
    int code = sectionIndex("CODE");
    if (code >= 0) {
      relocationSection(out, "CODE", relocations.code(code));
    }
    int data = sectionIndex("DATA");
    if (data >= 0) {
      relocationSection(out, "DATA", relocations.data(data));
    }
    customs().byName().forEach((name, pieces) ->
        relocationSection(out, name, relocations.custom(sectionIndex("CUSTOM(" + name + ")"), pieces)));
  }

  /** A {@code reloc.NAME} section, written only when it has entries. */
  private void relocationSection(ByteWriter out, String target, RelocationSection section) {
    if (!section.entries().isEmpty()) {
      customSection(out, "reloc." + target, payload -> RelocationSectionEncoder.encode(section, payload));
    }
  }

  /** Where a section written so far sits among the module's sections, or -1 when it was not written. */
  private int sectionIndex(String name) {
    List<Placements.SectionPlacement> sections = placements.sections();
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The module's name, function names (imports by symbol name), global and data segment names, for debuggers. */
  private NameSection names() {
    List<Symbol> imported = layout.importedFunctions();
    List<InputFunction> named = layout.functions().stream().filter(function -> function.debugName() != null).toList();
    // Demangling is most of this section's cost (a C++ link names thousands of functions), and each name is its own.
    List<String> shown = Stream.concat(
            imported.stream().map(Symbol::name), named.stream().map(InputFunction::debugName))
        .parallel().map(contents.displayNames()::of).toList();
    List<NameSection.Naming> functions = new ArrayList<>(shown.size());
    for (int i = 0; i < imported.size(); i++) {
      functions.add(new NameSection.Naming(imported.get(i).outputIndex(), shown.get(i)));
    }
    for (int i = 0; i < named.size(); i++) {
      functions.add(new NameSection.Naming(named.get(i).outputIndex(), shown.get(imported.size() + i)));
    }
    List<NameSection.Naming> globals = new ArrayList<>();
    for (Symbol symbol : layout.importedGlobals()) {
      globals.add(new NameSection.Naming(symbol.outputIndex(), symbol.name()));
    }
    for (InputGlobal global : layout.globals()) {
      if (global.debugName() != null) {
        globals.add(new NameSection.Naming(global.outputIndex(), global.debugName()));
      }
    }
    List<NameSection.Naming> segments = new ArrayList<>();
    for (OutputSegment segment : layout.memory().writtenSegments()) {
      segments.add(new NameSection.Naming(segment.dataIndex(), segment.name()));
    }
    List<NameSection.Subsection> subsections = new ArrayList<>();
    // wasm-ld names the module after the output file.
    subsections.add(new NameSection.ModuleName(contents.moduleName()));
    // Like wasm-ld, no empty subsection.
    if (!functions.isEmpty()) {
      subsections.add(new NameSection.FunctionNames(functions));
    }
    if (!globals.isEmpty()) {
      subsections.add(new NameSection.GlobalNames(globals));
    }
    if (!segments.isEmpty()) {
      subsections.add(new NameSection.DataSegmentNames(segments));
    }
    return new NameSection(subsections);
  }
}
