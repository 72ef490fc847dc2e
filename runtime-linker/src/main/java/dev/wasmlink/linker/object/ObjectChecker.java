package dev.wasmlink.linker.object;

import dev.wasmlink.spec.format.CodeSection;
import dev.wasmlink.spec.format.DataSegment;
import dev.wasmlink.spec.format.Export;
import dev.wasmlink.spec.format.ExportDecoder;
import dev.wasmlink.spec.format.FunctionBody;
import dev.wasmlink.spec.format.Import;
import dev.wasmlink.spec.format.ImportDecoder;
import dev.wasmlink.spec.format.ImportDescriptor;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.LinkingSubsectionComdatMemberDecoder;
import dev.wasmlink.spec.format.LinkingSubsectionInitFunctionDecoder;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.RelocationEntryDecoder;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import dev.wasmlink.spec.format.SymbolInfoDecoder;
import dev.wasmlink.spec.format.TagType;
import dev.wasmlink.spec.format.TagTypeDecoder;
import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.io.Printable;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decodes every section of an object and checks what no single decoder can: that indices point inside their index
 * spaces, symbols at what they claim, and relocations inside the sections they patch. Each problem is a
 * {@code MalformedInputException} at the offending entry: the sections with cross-references are walked entry by
 * entry with the generated entry decoders, so an error can name the entry's own offset.
 */
public final class ObjectChecker {
  private final ObjectFile object;
  private final RelocationRegistry registry;
  private final IndexSpace functions = new IndexSpace("function");
  private final IndexSpace globals = new IndexSpace("global");
  private final IndexSpace tables = new IndexSpace("table");
  private final IndexSpace memories = new IndexSpace("memory");
  private final IndexSpace tags = new IndexSpace("tag");
  private int typeCount;
  private List<DataSegment> segments = List.of();
  private final List<SymbolInfo> symbols = new ArrayList<>();

  private ObjectChecker(ObjectFile object, RelocationRegistry registry) {
    this.object = object;
    this.registry = registry;
  }

  /** Checks the whole object, throwing at the first problem. */
  public static void check(ObjectFile object) {
    new ObjectChecker(object, RelocationRegistry.standard()).run();
  }

  private void run() {
    for (SectionHeader section : object.sections()) {
      object.decoded(section);
    }
    typeCount = object.types().map(t -> t.types().size()).orElse(0);
    functions.defined = object.functions().map(f -> f.typeIndices().size()).orElse(0);
    globals.defined = object.globals().map(g -> g.globals().size()).orElse(0);
    tables.defined = object.tables().map(t -> t.tables().size()).orElse(0);
    memories.defined = object.memories().map(m -> m.memories().size()).orElse(0);
    tags.defined = object.tags().map(t -> t.tags().size()).orElse(0);
    segments = object.data().map(d -> d.segments()).orElse(List.of());
    checkImports();
    checkFunctionTypes();
    checkTagTypes();
    checkCodeMatchesFunctions();
    checkExports();
    checkStart();
    checkDataCount();
    checkLinking();
    checkRelocations();
  }

  /** The imported and defined entries of one index space; imports come first. */
  private static final class IndexSpace {
    final String name;
    int imported;
    int defined;

    IndexSpace(String name) {
      this.name = name;
    }

    long total() {
      return (long) imported + defined;
    }

    boolean contains(long index) {
      return index >= 0 && index < total();
    }

    boolean isDefined(long index) {
      return index >= imported && index < total();
    }
  }

  private void checkImports() {
    List<Import> imports = object.imports().map(section -> section.imports()).orElse(List.of());
    for (int i = 0; i < imports.size(); i++) {
      Import entry = imports.get(i);
      ImportDescriptor descriptor = entry.descriptor();
      if (descriptor instanceof ImportDescriptor.FunctionImport function) {
        functions.imported++;
        if (Integer.compareUnsigned(function.typeIndex(), typeCount) >= 0) {
          throw errorAtEntry(2, i, ImportDecoder::decode, "import "
              + Printable.escape(entry.module() + "." + entry.field()) + " has type index "
              + Integer.toUnsignedString(function.typeIndex()) + " but there are " + typeCount + " types");
        }
      } else if (descriptor instanceof ImportDescriptor.GlobalImport) {
        globals.imported++;
      } else if (descriptor instanceof ImportDescriptor.TableImport) {
        tables.imported++;
      } else if (descriptor instanceof ImportDescriptor.MemoryImport) {
        memories.imported++;
      } else {
        tags.imported++;
        int typeIndex = ((ImportDescriptor.TagImport) descriptor).typeIndex();
        if (Integer.compareUnsigned(typeIndex, typeCount) >= 0) {
          throw errorAtEntry(2, i, ImportDecoder::decode, "import "
              + Printable.escape(entry.module() + "." + entry.field()) + " is a tag of type index "
              + Integer.toUnsignedString(typeIndex) + " but there are " + typeCount + " types");
        }
      }
    }
  }

  /** A defined tag's type, like an imported one's, is an index into the type section. */
  private void checkTagTypes() {
    List<TagType> defined = object.tags().map(section -> section.tags()).orElse(List.of());
    for (int i = 0; i < defined.size(); i++) {
      int typeIndex = defined.get(i).typeIndex();
      if (Integer.compareUnsigned(typeIndex, typeCount) >= 0) {
        throw errorAtEntry(13, i, TagTypeDecoder::decode, "tag " + i + " has type index "
            + Integer.toUnsignedString(typeIndex) + " but there are " + typeCount + " types");
      }
    }
  }

  private void checkFunctionTypes() {
    List<Integer> types = object.functions().map(section -> section.typeIndices()).orElse(List.of());
    for (int i = 0; i < types.size(); i++) {
      int type = types.get(i);
      if (Integer.compareUnsigned(type, typeCount) >= 0) {
        throw errorAtEntry(3, i, ByteReader::readUleb32, "function " + i + " has type index "
            + Integer.toUnsignedString(type) + " but there are " + typeCount + " types");
      }
    }
  }

  /**
   * An error at entry {@code index} of core section {@code id}'s vector. The checks read the decoded sections;
   * only a failing check walks the section's bytes again, with {@code skipEntry}, to name the entry's offset.
   */
  private MalformedInputException errorAtEntry(int id, int index, Consumer<ByteReader> skipEntry, String problem) {
    ByteReader in = object.reader(object.section(id).orElseThrow());
    in.readCount();
    for (int i = 0; i < index; i++) {
      skipEntry.accept(in);
    }
    return in.errorAt(in.position(), problem);
  }

  private void checkCodeMatchesFunctions() {
    int bodies = object.code().map(CodeSection::bodies).map(List::size).orElse(0);
    if (bodies != functions.defined) {
      SectionHeader section = object.section(10).or(() -> object.section(3)).orElseThrow();
      throw object.reader(section).error("the code section has " + bodies + " function bodies but the function"
          + " section declares " + functions.defined + " functions");
    }
  }

  private void checkExports() {
    List<Export> exports = object.exports().map(section -> section.exports()).orElse(List.of());
    for (int i = 0; i < exports.size(); i++) {
      Export export = exports.get(i);
      IndexSpace space = switch (export.kind()) {
        case 0 -> functions;
        case 1 -> tables;
        case 2 -> memories;
        case 3 -> globals;
        case 4 -> tags;
        default -> throw errorAtEntry(7, i, ExportDecoder::decode, "export " + Printable.escape(export.name())
            + " has unknown kind " + export.kind());
      };
      if (!space.contains(Integer.toUnsignedLong(export.index()))) {
        throw errorAtEntry(7, i, ExportDecoder::decode, "export " + Printable.escape(export.name()) + " names "
            + space.name + " " + Integer.toUnsignedString(export.index()) + " but there are " + space.total() + " "
            + space.name + "s");
      }
    }
  }

  private void checkStart() {
    object.start().ifPresent(start -> {
      if (!functions.contains(Integer.toUnsignedLong(start.function()))) {
        throw object.reader(object.section(8).orElseThrow()).error("start function "
            + Integer.toUnsignedString(start.function()) + " is out of range (there are " + functions.total()
            + " functions)");
      }
    });
  }

  private void checkDataCount() {
    object.dataCount().ifPresent(dataCount -> {
      if (Integer.toUnsignedLong(dataCount.count()) != segments.size()) {
        throw object.reader(object.section(12).orElseThrow()).error("the data count section says "
            + Integer.toUnsignedString(dataCount.count()) + " segments but the data section has " + segments.size());
      }
    });
  }

  /**
   * Walks {@code linking} twice: first its symbol table, which the other subsections refer to whatever their order
   * (LLVM writes it first, the format does not require it), then segment info, init functions and comdats.
   */
  private void checkLinking() {
    Optional<SectionHeader> section = object.customSection("linking");
    if (section.isEmpty() || object.linking().isEmpty()) {
      return;
    }
    for (boolean symbolPass : new boolean[] {true, false}) {
      ByteReader in = object.reader(section.get());
      in.readUleb32();
      while (in.hasMore()) {
        int id = in.readU8();
        ByteReader payload = in.readSized("linking subsection");
        if (symbolPass && id == 8) {
          checkSymbolTable(payload);
        } else if (!symbolPass && id == 5) {
          checkSegmentInfo(payload);
        } else if (!symbolPass && id == 6) {
          checkInitFunctions(payload);
        } else if (!symbolPass && id == 7) {
          checkComdats(payload);
        }
      }
    }
  }

  private void checkSymbolTable(ByteReader in) {
    int count = in.readCount();
    for (int i = 0; i < count; i++) {
      int position = in.position();
      SymbolInfo symbol = SymbolInfoDecoder.decode(in);
      String problem = symbolProblem(symbol);
      if (problem != null) {
        throw in.errorAt(position, "symbol " + i + describeName(symbol) + ": " + problem);
      }
      symbols.add(symbol);
    }
  }

  private void checkSegmentInfo(ByteReader in) {
    int position = in.position();
    int count = in.readCount();
    if (count > segments.size()) {
      throw in.errorAt(position, "segment info names " + count + " segments but the data section has "
          + segments.size());
    }
    for (int i = 0; i < count; i++) {
      String name = in.readName();
      int alignmentPosition = in.position();
      int alignmentLog2 = in.readUleb32();
      // A wasm32 memory has 4 GiB: an alignment of 2^32 or more cannot be honored (and 1L << a negative int, which
      // such a field reads as, is no alignment at all).
      if (Integer.compareUnsigned(alignmentLog2, 32) >= 0) {
        throw in.errorAt(alignmentPosition, "segment " + Printable.escape(name) + " has alignment 2^"
            + Integer.toUnsignedString(alignmentLog2) + ", more than a 32-bit memory can honor");
      }
      in.readUleb32();
    }
  }

  private void checkInitFunctions(ByteReader in) {
    int count = in.readCount();
    for (int i = 0; i < count; i++) {
      int position = in.position();
      LinkingSubsection.InitFunction function = LinkingSubsectionInitFunctionDecoder.decode(in);
      if (Integer.compareUnsigned(function.symbol(), symbols.size()) >= 0
          || !(symbols.get(function.symbol()) instanceof SymbolInfo.Function)) {
        throw in.errorAt(position, "init function refers to symbol " + Integer.toUnsignedString(function.symbol())
            + ", which is not a function symbol");
      }
    }
  }

  private void checkComdats(ByteReader in) {
    int count = in.readCount();
    for (int i = 0; i < count; i++) {
      String name = in.readName();
      in.readUleb32();
      int members = in.readCount();
      for (int j = 0; j < members; j++) {
        int position = in.position();
        LinkingSubsection.ComdatMember member = LinkingSubsectionComdatMemberDecoder.decode(in);
        long index = Integer.toUnsignedLong(member.index());
        boolean valid = switch (member.kind()) {
          case 0 -> index < segments.size();
          case 1 -> functions.isDefined(index);
          case 2 -> globals.isDefined(index);
          case 3 -> tags.isDefined(index);
          case 4 -> tables.isDefined(index);
          case 5 -> index < object.sections().size();
          default -> false;
        };
        if (!valid) {
          throw in.errorAt(position, "comdat " + Printable.escape(name) + " has a member of kind " + member.kind()
              + " with index " + index + ", which is not a definition of this object");
        }
      }
    }
  }

  private String symbolProblem(SymbolInfo symbol) {
    boolean undefined = (symbol.flags() & SymbolFlags.UNDEFINED) != 0;
    if (symbol instanceof SymbolInfo.Function function) {
      return indexProblem(functions, function.index(), undefined);
    }
    if (symbol instanceof SymbolInfo.Global global) {
      return indexProblem(globals, global.index(), undefined);
    }
    if (symbol instanceof SymbolInfo.Table table) {
      return indexProblem(tables, table.index(), undefined);
    }
    if (symbol instanceof SymbolInfo.ExceptionTag tag) {
      return indexProblem(tags, tag.index(), undefined);
    }
    if (symbol instanceof SymbolInfo.Section section) {
      return Integer.compareUnsigned(section.section(), object.sections().size()) >= 0
          ? "section index " + Integer.toUnsignedString(section.section()) + " is out of range (the object has "
              + object.sections().size() + " sections)"
          : null;
    }
    SymbolInfo.Data data = (SymbolInfo.Data) symbol;
    if (data.place() == null || (data.flags() & SymbolFlags.ABSOLUTE) != 0) {
      return null;
    }
    int segment = data.place().segment();
    if (Integer.compareUnsigned(segment, segments.size()) >= 0) {
      return "data segment " + Integer.toUnsignedString(segment) + " is out of range (the data section has "
          + segments.size() + " segments)";
    }
    // LLVM's reader (and so wasm-ld) checks only where a symbol starts: a position-independent object may define a
    // symbol of some size in an empty segment (its zero-initialised data), which links.
    if (data.place().offset() < 0 || data.place().offset() > segments.get(segment).bytes().length()) {
      return "offset " + data.place().offset() + " is past the end of data segment " + segment + " ("
          + segments.get(segment).bytes().length() + " bytes)";
    }
    return null;
  }

  /** Undefined symbols name imports; defined ones name definitions, which come after the imports. */
  private static String indexProblem(IndexSpace space, int index, boolean undefined) {
    long value = Integer.toUnsignedLong(index);
    if (undefined && value >= space.imported) {
      return "undefined " + space.name + " symbol has index " + value + " but there are " + space.imported
          + " imported " + space.name + "s";
    }
    if (!undefined && !space.isDefined(value)) {
      return "defined " + space.name + " symbol has index " + value + ", outside the defined " + space.name
          + "s (" + space.imported + " to " + (space.total() - 1) + ")";
    }
    return null;
  }

  /**
   * Checks each {@code reloc.*} section as decoded (once, for the linker too): its target, then each entry. Only
   * when an entry is wrong is the section walked again by hand, to name that entry's byte offset.
   */
  private void checkRelocations() {
    for (ObjectFile.Relocations relocations : object.relocations()) {
      int target = relocations.section().targetSection();
      if (Integer.compareUnsigned(target, object.sections().size()) >= 0) {
        ByteReader in = object.reader(relocations.header());
        throw in.error("relocations target section " + Integer.toUnsignedString(target)
            + " but the object has " + object.sections().size() + " sections");
      }
      SectionHeader patched = object.sections().get(target);
      long[] chunks = chunkRanges(patched);
      List<RelocationEntry> entries = relocations.section().entries();
      for (int i = 0; i < entries.size(); i++) {
        String problem = relocationProblem(entries.get(i), patched);
        if (problem == null && chunks != null) {
          problem = chunkProblem(entries.get(i), patched, chunks);
        }
        // LLVM writes a section's relocations in offset order and wasm-ld refuses others, in these words; the linker
        // counts on it too, taking each chunk's relocations as one run of them.
        if (problem == null && i > 0
            && Integer.compareUnsigned(entries.get(i).offset(), entries.get(i - 1).offset()) < 0) {
          problem = "relocations not in offset order";
        }
        if (problem != null) {
          ByteReader in = object.reader(relocations.header());
          throw in.errorAt(entryPosition(in, i), problem);
        }
      }
    }
  }

  /**
   * The byte ranges of CODE's function bodies or DATA's segment contents, as {start, end} pairs in ascending order
   * of payload offset; null for other sections. The linker copies and patches those chunks one by one, so a
   * relocation there must lie inside one of them: in a body's size, a segment's header or between chunks it would
   * patch bytes outside the chunk it is sorted into.
   */
  private long[] chunkRanges(SectionHeader patched) {
    List<ByteSlice> chunks;
    if (patched.id() == 10) {
      chunks = object.code().map(c -> c.bodies().stream().map(FunctionBody::code).toList()).orElse(List.of());
    } else if (patched.id() == 11) {
      chunks = segments.stream().map(DataSegment::bytes).toList();
    } else {
      return null;
    }
    long[] ranges = new long[2 * chunks.size()];
    int payloadStart = patched.payload().start();
    for (int i = 0; i < chunks.size(); i++) {
      ranges[2 * i] = chunks.get(i).start() - payloadStart;
      ranges[2 * i + 1] = ranges[2 * i] + chunks.get(i).length();
    }
    return ranges;
  }

  private String chunkProblem(RelocationEntry entry, SectionHeader patched, long[] chunks) {
    RelocationKind kind = registry.kindOf(entry.type());
    long start = Integer.toUnsignedLong(entry.offset());
    long end = start + kind.field().width();
    // The last chunk starting at or before the field must hold all of it.
    int low = 0;
    int high = chunks.length / 2 - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (chunks[2 * middle] <= start) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found >= 0 && end <= chunks[2 * found + 1]) {
      return null;
    }
    return kind.name() + " at offset 0x" + Long.toHexString(start) + " is not inside any "
        + (patched.id() == 10 ? "function body" : "data segment's contents") + " of section "
        + Printable.escape(patched.name());
  }

  /** Where entry {@code index} starts in a {@code reloc.*} section read by {@code in} from its start. */
  private static int entryPosition(ByteReader in, int index) {
    in.readUleb32();
    in.readCount();
    for (int i = 0; i < index; i++) {
      RelocationEntryDecoder.decode(in);
    }
    return in.position();
  }

  private String relocationProblem(RelocationEntry entry, SectionHeader patched) {
    RelocationKind kind = registry.kindOf(entry.type());
    long end = Integer.toUnsignedLong(entry.offset()) + kind.field().width();
    if (end > patched.payload().length()) {
      return "relocation offset past its section: " + kind.name() + " at offset 0x"
          + Integer.toHexString(entry.offset()) + " needs " + kind.field().width() + " bytes but section "
          + Printable.escape(patched.name()) + " has only " + patched.payload().length();
    }
    long index = Integer.toUnsignedLong(entry.index());
    if (kind.target() == RelocationTarget.TYPE) {
      return index >= typeCount
          ? kind.name() + " refers to type " + index + " but there are " + typeCount + " types"
          : null;
    }
    if (index >= symbols.size()) {
      return kind.name() + " refers to symbol " + index + " but the symbol table has " + symbols.size()
          + " entries";
    }
    SymbolInfo symbol = symbols.get((int) index);
    return symbolMatches(kind.target(), symbol)
        ? null
        : kind.name() + " refers to symbol " + index + describeName(symbol) + ", a " + SymbolKinds.name(symbol)
            + " symbol, but it needs a " + kind.target().description();
  }

  /**
   * Whether a symbol's kind fits what a relocation needs. Global-index relocations may also name data and function
   * symbols: in position-independent code they refer to their GOT entries.
   */
  private static boolean symbolMatches(RelocationTarget target, SymbolInfo symbol) {
    return switch (target) {
      case FUNCTION -> symbol instanceof SymbolInfo.Function;
      case DATA -> symbol instanceof SymbolInfo.Data;
      case GLOBAL -> symbol instanceof SymbolInfo.Global || symbol instanceof SymbolInfo.Data
          || symbol instanceof SymbolInfo.Function;
      case TABLE -> symbol instanceof SymbolInfo.Table;
      case TAG -> symbol instanceof SymbolInfo.ExceptionTag;
      case SECTION -> symbol instanceof SymbolInfo.Section;
      case TYPE -> true;
    };
  }

  private static String describeName(SymbolInfo symbol) {
    return symbol.name() == null ? "" : " (" + Printable.escape(symbol.name()) + ")";
  }

}
