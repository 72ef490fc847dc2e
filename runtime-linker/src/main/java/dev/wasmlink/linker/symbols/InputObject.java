package dev.wasmlink.linker.symbols;

import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.object.ObjectChecker;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.DataSegment;
import dev.wasmlink.spec.format.FunctionBody;
import dev.wasmlink.spec.format.Global;
import dev.wasmlink.spec.format.GlobalType;
import dev.wasmlink.spec.format.Import;
import dev.wasmlink.spec.format.ImportDescriptor;
import dev.wasmlink.spec.format.Limits;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.ProducersSection;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.SymbolInfo;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.Printable;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * An object taking part in a link: what its sections define, reorganised for the linker. Functions and data segments
 * become chunks that carry their own relocations; imports are split by kind so symbol indices can be mapped to them;
 * symbol-table entries are resolved to {@link Symbol}s by the {@link SymbolTable}.
 */
public final class InputObject {
  /** An import of the object: what an undefined symbol of its kind refers to by index. */
  public record ObjectImport(String module, String field, TypeEntry.FunctionType signature, GlobalType global) {}

  /** The comdat member kind of a data segment. */
  private static final int COMDAT_DATA = 0;

  private final ObjectFile object;
  private final List<TypeEntry.FunctionType> types = new ArrayList<>();
  private final List<ObjectImport> functionImports = new ArrayList<>();
  private final List<ObjectImport> globalImports = new ArrayList<>();
  private final List<ObjectImport> tableImports = new ArrayList<>();
  private final List<ObjectImport> tagImports = new ArrayList<>();
  private final List<InputFunction> functions = new ArrayList<>();
  private final List<InputGlobal> globals = new ArrayList<>();
  private final List<InputTag> tags = new ArrayList<>();
  private final List<InputTable> tables = new ArrayList<>();
  private final List<InputSegment> segments = new ArrayList<>();
  private final List<SymbolInfo> symbolInfos = new ArrayList<>();
  private final List<LinkingSubsection.InitFunction> initFunctions = new ArrayList<>();
  private final List<LinkingSubsection.Comdat> comdats = new ArrayList<>();
  /**
   * Each defined function's relocations, by its index among them; and each segment's. Lists by index rather than
   * maps by chunk: every stage (liveness, the audits, layout, writing) asks for a chunk's relocations again.
   */
  private final List<List<RelocationEntry>> functionRelocations = new ArrayList<>();
  private final List<List<RelocationEntry>> segmentRelocations = new ArrayList<>();
  /** The relocations of each custom section (DWARF's), by section index. */
  private final List<List<RelocationEntry>> customRelocations = new ArrayList<>();
  private Symbol[] symbols;
  /** Read once: the feature checks and the producers section ask every object, more than once. */
  private List<TargetFeaturesSection.Feature> targetFeatures;
  private List<ProducersSection.Field> producers;
  private final Set<Object> discarded = Collections.newSetFromMap(new IdentityHashMap<>());

  private InputObject(ObjectFile object) {
    this.object = object;
  }

  /** Checks and reads an object for linking. */
  public static InputObject of(ObjectFile object) {
    ObjectChecker.check(object);
    InputFiles.requireRelocatable(object);
    InputObject input = new InputObject(object);
    input.read();
    return input;
  }

  private void read() {
    object.types().ifPresent(section -> section.types().forEach(t -> types.add((TypeEntry.FunctionType) t)));
    object.imports().ifPresent(section -> section.imports().forEach(this::addImport));
    List<Integer> typeIndices = object.functions().map(f -> f.typeIndices()).orElse(List.of());
    List<FunctionBody> bodies = object.code().map(c -> c.bodies()).orElse(List.of());
    int codeStart = object.section(10).map(h -> h.payload().start()).orElse(0);
    for (int i = 0; i < bodies.size(); i++) {
      FunctionBody body = bodies.get(i);
      functions.add(new InputFunction(this, i, types.get(typeIndices.get(i)), body.code(),
          body.code().start() - codeStart, null));
    }
    List<Global> definedGlobals = object.globals().map(g -> g.globals()).orElse(List.of());
    for (Global global : definedGlobals) {
      globals.add(new InputGlobal(this, null, global.type(), global.initialValue()));
    }
    object.tables().ifPresent(section -> section.tables().forEach(table -> tables.add(new InputTable(this, table))));
    object.tags().ifPresent(section -> section.tags().forEach(
        tag -> tags.add(new InputTag(this, types.get(tag.typeIndex())))));
    object.linking().ifPresent(linking -> linking.subsections().forEach(this::addLinkingSubsection));
    readSegments();
    for (LinkingSubsection.Comdat comdat : comdats) {
      for (LinkingSubsection.ComdatMember member : comdat.members()) {
        if (member.kind() == COMDAT_DATA) {
          segments.get(member.index()).joinComdat(comdat.name());
        }
      }
    }
    readRelocations();
    symbols = new Symbol[symbolInfos.size()];
    targetFeatures = object.targetFeatures().map(TargetFeaturesSection::features).orElse(List.of());
    producers = object.producers().map(ProducersSection::fields).orElse(List.of());
  }

  private void addImport(Import entry) {
    ImportDescriptor descriptor = entry.descriptor();
    if (descriptor instanceof ImportDescriptor.FunctionImport function) {
      functionImports.add(new ObjectImport(entry.module(), entry.field(), types.get(function.typeIndex()), null));
    } else if (descriptor instanceof ImportDescriptor.GlobalImport global) {
      globalImports.add(new ObjectImport(entry.module(), entry.field(), null, global.global()));
    } else if (descriptor instanceof ImportDescriptor.TableImport) {
      tableImports.add(new ObjectImport(entry.module(), entry.field(), null, null));
    } else if (descriptor instanceof ImportDescriptor.TagImport tag) {
      tagImports.add(new ObjectImport(entry.module(), entry.field(), types.get(tag.typeIndex()), null));
    }
  }

  private void addLinkingSubsection(LinkingSubsection subsection) {
    if (subsection instanceof LinkingSubsection.SymbolTable table) {
      symbolInfos.addAll(table.symbols());
    } else if (subsection instanceof LinkingSubsection.InitFunctions init) {
      initFunctions.addAll(init.functions());
    } else if (subsection instanceof LinkingSubsection.ComdatInfo info) {
      comdats.addAll(info.comdats());
    }
  }

  private List<LinkingSubsection.Segment> segmentInfo() {
    return object.linkingSubsections(LinkingSubsection.SegmentInfo.class).stream()
        .flatMap(info -> info.segments().stream())
        .toList();
  }

  private void readSegments() {
    List<DataSegment> data = object.data().map(d -> d.segments()).orElse(List.of());
    List<LinkingSubsection.Segment> info = segmentInfo();
    int dataStart = object.section(11).map(h -> h.payload().start()).orElse(0);
    for (int i = 0; i < data.size(); i++) {
      DataSegment segment = data.get(i);
      LinkingSubsection.Segment described =
          i < info.size() ? info.get(i) : new LinkingSubsection.Segment(".data." + i, 0, 0);
      segments.add(new InputSegment(this, i, described.name(), described.alignmentLog2(), described.flags(),
          segment.bytes(), segment.bytes().start() - dataStart));
    }
  }

  /** Sorts each relocation into the chunk whose bytes it patches. */
  private void readRelocations() {
    int[] functionStarts = functions.stream().mapToInt(InputFunction::codeOffset).toArray();
    int[] segmentStarts = segments.stream().mapToInt(InputSegment::dataOffset).toArray();
    functions.forEach(function -> functionRelocations.add(List.of()));
    segments.forEach(segment -> segmentRelocations.add(List.of()));
    object.sections().forEach(section -> customRelocations.add(List.of()));
    for (ObjectFile.Relocations relocations : object.relocations()) {
      SectionHeader target = object.sections().get(relocations.section().targetSection());
      List<RelocationEntry> entries = relocations.section().entries();
      if (target.id() == 10) {
        sortIntoChunks(entries, functionStarts, functionRelocations);
      } else if (target.id() == 11) {
        sortIntoChunks(entries, segmentStarts, segmentRelocations);
      } else if (customRelocations.get(target.index()).isEmpty()) {
        // A custom section's relocations patch it whole, in the order of their section: kept as they were read.
        customRelocations.set(target.index(), entries);
      } else {
        List<RelocationEntry> both = new ArrayList<>(customRelocations.get(target.index()));
        both.addAll(entries);
        customRelocations.set(target.index(), both);
      }
    }
  }

  /**
   * Sorts a section's relocations into its chunks. They are in offset order (the object checker refuses others, as
   * wasm-ld does), so each chunk's relocations are one run of the section's, copied at once into a list of their
   * number rather than entry by entry into a growing one.
   */
  private static void sortIntoChunks(
      List<RelocationEntry> entries, int[] starts, List<List<RelocationEntry>> byChunk) {
    int from = 0;
    while (from < entries.size()) {
      int chunk = chunkAt(starts, entries.get(from).offset());
      int nextStart = chunk + 1 < starts.length ? starts[chunk + 1] : Integer.MAX_VALUE;
      int to = from + 1;
      while (to < entries.size() && entries.get(to).offset() < nextStart) {
        to++;
      }
      List<RelocationEntry> run = entries.subList(from, to);
      if (byChunk.get(chunk).isEmpty()) {
        byChunk.set(chunk, new ArrayList<>(run));
      } else {
        byChunk.get(chunk).addAll(run);
      }
      from = to;
    }
  }

  /** The last chunk starting at or before {@code offset}. */
  private static int chunkAt(int[] starts, int offset) {
    int found = Arrays.binarySearch(starts, offset);
    return found >= 0 ? found : Math.max(0, -found - 2);
  }

  public ObjectFile object() {
    return object;
  }

  /** How messages name the object: {@code file.o} or {@code lib.a(member.o)}, escaped once. */
  public String name() {
    if (name == null) {
      name = object.location().input();
    }
    return name;
  }

  private String name;

  /**
   * How wasm-ld's feature checks name the object: an archive member by its own name alone ({@code x.o}, not
   * {@code lib.a(x.o)}).
   */
  public String bareName() {
    InputLocation location = object.location();
    return Printable.escape(location.member() != null ? location.member() : location.file());
  }

  public List<TypeEntry.FunctionType> types() {
    return types;
  }

  public List<InputFunction> functions() {
    return functions;
  }

  public List<InputGlobal> globals() {
    return globals;
  }

  public List<InputSegment> segments() {
    return segments;
  }

  /** The tags the object defines, in its tag index space after the imported ones. */
  public List<InputTag> tags() {
    return tags;
  }

  public List<SymbolInfo> symbolInfos() {
    return symbolInfos;
  }

  /**
   * The index among the object's sections of the section that symbol {@code index} names; the object checker has made
   * sure that whatever relocates against a section (its offsets, DWARF's) names a section symbol.
   */
  public int sectionOf(int index) {
    return ((SymbolInfo.Section) symbolInfos.get(index)).section();
  }

  public int importedFunctionCount() {
    return functionImports.size();
  }

  public int importedGlobalCount() {
    return globalImports.size();
  }

  public int importedTagCount() {
    return tagImports.size();
  }

  /** Whether the object's memory has 64-bit addresses (memory64, {@code wasm64}), imported or defined. */
  public boolean isMemory64() {
    boolean imported = object.imports().map(section -> section.imports().stream().anyMatch(entry ->
        entry.descriptor() instanceof ImportDescriptor.MemoryImport memory
            && (memory.limits().flags() & Limits.MEMORY64) != 0)).orElse(false);
    boolean defined = object.memories().map(section -> section.memories().stream()
        .anyMatch(limits -> (limits.flags() & Limits.MEMORY64) != 0)).orElse(false);
    return imported || defined;
  }

  /** How many tables the object's table section defines. */
  public int definedTableCount() {
    return tables.size();
  }

  /** The tables the object defines, in its table index space after the imported ones. */
  public List<InputTable> tables() {
    return tables;
  }

  public List<ObjectImport> functionImports() {
    return functionImports;
  }

  public List<ObjectImport> globalImports() {
    return globalImports;
  }

  public List<ObjectImport> tableImports() {
    return tableImports;
  }

  public List<ObjectImport> tagImports() {
    return tagImports;
  }

  public List<LinkingSubsection.InitFunction> initFunctions() {
    return initFunctions;
  }

  public List<LinkingSubsection.Comdat> comdats() {
    return comdats;
  }

  /** The relocations patching {@code function}'s body; none for a function of another object or the linker's. */
  public List<RelocationEntry> relocations(InputFunction function) {
    return function.file() == this ? functionRelocations.get(function.definedIndex()) : List.of();
  }

  /** The relocations patching {@code segment}'s bytes; none for a segment of another object. */
  public List<RelocationEntry> relocations(InputSegment segment) {
    return segment.file() == this ? segmentRelocations.get(segment.index()) : List.of();
  }

  /** Relocations of one custom section, by the section's index in the object. */
  public List<RelocationEntry> customRelocations(int sectionIndex) {
    return sectionIndex >= 0 && sectionIndex < customRelocations.size()
        ? customRelocations.get(sectionIndex) : List.of();
  }

  public List<TargetFeaturesSection.Feature> targetFeatures() {
    return targetFeatures;
  }

  public List<ProducersSection.Field> producers() {
    return producers;
  }

  /** The resolved symbol of symbol-table entry {@code index}. */
  public Symbol symbol(int index) {
    return symbols[index];
  }

  void setSymbol(int index, Symbol symbol) {
    symbols[index] = symbol;
  }

  public int symbolCount() {
    return symbols.length;
  }

  /** Whether some function of this object calls symbol {@code index} directly (a function-index relocation). */
  public boolean callsDirectly(int index) {
    if (directlyCalled == null) {
      directlyCalled = new BitSet();
      RelocationRegistry registry = RelocationRegistry.standard();
      for (List<RelocationEntry> relocations : functionRelocations) {
        for (RelocationEntry entry : relocations) {
          if (registry.kindOf(entry.type()).rule() == RelocationRule.FUNCTION_INDEX) {
            directlyCalled.set(entry.index());
          }
        }
      }
    }
    return directlyCalled.get(index);
  }

  private BitSet directlyCalled;

  /** Signatures this object expects of functions that are defined with another one. */
  private final Map<Symbol, TypeEntry.FunctionType> expectedSignatures = new IdentityHashMap<>();

  void expectSignature(Symbol symbol, TypeEntry.FunctionType signature) {
    expectedSignatures.put(symbol, signature);
  }

  /** The signature this object calls {@code symbol} with, when it differs from the definition's; else null. */
  public TypeEntry.FunctionType expectedSignature(Symbol symbol) {
    return expectedSignatures.get(symbol);
  }

  public Map<Symbol, TypeEntry.FunctionType> expectedSignatures() {
    return expectedSignatures;
  }

  /** Whether a function or segment lost its comdat to another object's copy. */
  public boolean isDiscarded(Object chunk) {
    return discarded.contains(chunk);
  }

  /** The functions the output keeps: live, and not lost to another object's copy of their comdat. */
  public List<InputFunction> keptFunctions() {
    List<InputFunction> kept = new ArrayList<>(functions.size());
    for (InputFunction function : functions) {
      if (function.isLive() && !isDiscarded(function)) {
        kept.add(function);
      }
    }
    return kept;
  }

  /** The data segments the output keeps: live, and not lost to another object's copy of their comdat. */
  public List<InputSegment> keptSegments() {
    List<InputSegment> kept = new ArrayList<>(segments.size());
    for (InputSegment segment : segments) {
      if (segment.isLive() && !isDiscarded(segment)) {
        kept.add(segment);
      }
    }
    return kept;
  }

  void discard(Object chunk) {
    discarded.add(chunk);
  }

  /** A constant expression's value when it is a plain {@code i32.const}. */
  static long constValue(ConstExpr expression) {
    return expression instanceof ConstExpr.I32Const constant ? constant.value() : 0;
  }

  @Override
  public String toString() {
    return name();
  }
}
