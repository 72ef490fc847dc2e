package dev.wasmlink.linker.object;

import dev.wasmlink.spec.format.CodeSection;
import dev.wasmlink.spec.format.DataSegment;
import dev.wasmlink.spec.format.Import;
import dev.wasmlink.spec.format.ImportDescriptor;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.RelocationEntryDecoder;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import dev.wasmlink.spec.format.SymbolInfoDecoder;
import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes every section of an object and checks what no single decoder can: that indices point inside their index
 * spaces, symbols at what they claim, and relocations inside the sections they patch. Each problem is a
 * {@link MalformedInputException} at the offending entry. Symbol-table and relocation entries are walked one by one
 * with the generated entry decoders so an error can name the entry's own offset.
 */
public final class ObjectChecker {
  private final ObjectFile object;
  private final RelocationRegistry registry;
  private int importedFunctions;
  private int importedGlobals;
  private int importedTables;
  private int importedTags;
  private int definedFunctions;
  private int definedGlobals;
  private int definedTables;
  private int definedTags;
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
    typeCount = object.types().map(t -> t.types().size()).orElse(0);
    object.imports().ifPresent(imports -> imports.imports().forEach(this::countImport));
    definedFunctions = object.functions().map(f -> f.typeIndices().size()).orElse(0);
    definedGlobals = object.globals().map(g -> g.globals().size()).orElse(0);
    definedTables = object.tables().map(t -> t.tables().size()).orElse(0);
    definedTags = object.tags().map(t -> t.tags().size()).orElse(0);
    segments = object.data().map(d -> d.segments()).orElse(List.of());
    object.memories();
    object.exports();
    object.start();
    object.elements();
    object.dataCount();
    object.targetFeatures();
    object.producers();
    object.names();
    object.dylink();
    checkFunctionTypes();
    checkCodeMatchesFunctions();
    checkLinking();
    checkRelocations();
  }

  private void countImport(Import entry) {
    ImportDescriptor descriptor = entry.descriptor();
    if (descriptor instanceof ImportDescriptor.FunctionImport function) {
      importedFunctions++;
      if (Integer.compareUnsigned(function.typeIndex(), typeCount) >= 0) {
        throw sectionError(2, "import " + entry.module() + "." + entry.field() + " has type index "
            + Integer.toUnsignedString(function.typeIndex()) + " but there are " + typeCount + " types");
      }
    } else if (descriptor instanceof ImportDescriptor.GlobalImport) {
      importedGlobals++;
    } else if (descriptor instanceof ImportDescriptor.TableImport) {
      importedTables++;
    } else if (descriptor instanceof ImportDescriptor.TagImport) {
      importedTags++;
    }
  }

  private void checkFunctionTypes() {
    object.functions().ifPresent(functions -> {
      for (int i = 0; i < functions.typeIndices().size(); i++) {
        int type = functions.typeIndices().get(i);
        if (Integer.compareUnsigned(type, typeCount) >= 0) {
          throw sectionError(3, "function " + i + " has type index " + Integer.toUnsignedString(type)
              + " but there are " + typeCount + " types");
        }
      }
    });
  }

  private void checkCodeMatchesFunctions() {
    int bodies = object.code().map(CodeSection::bodies).map(List::size).orElse(0);
    if (bodies != definedFunctions) {
      int id = object.code().isPresent() ? 10 : 3;
      throw sectionError(id, "the code section has " + bodies + " function bodies but the function section"
          + " declares " + definedFunctions + " functions");
    }
  }

  /** Walks {@code linking}'s subsections, checking the symbol table entry by entry. */
  private void checkLinking() {
    if (object.linking().isEmpty()) {
      return;
    }
    SectionHeader header = object.customSection("linking").orElseThrow();
    ByteReader in = object.reader(header);
    in.readUleb32();
    while (in.hasMore()) {
      int id = in.readU8();
      ByteReader payload = in.readSized("linking subsection");
      if (id == 8) {
        checkSymbolTable(payload);
      }
    }
    for (LinkingSubsection subsection : object.linking().orElseThrow().subsections()) {
      if (subsection instanceof LinkingSubsection.SegmentInfo info && info.segments().size() > segments.size()) {
        throw object.reader(header).error("segment info names " + info.segments().size() + " segments but the data"
            + " section has " + segments.size());
      }
      if (subsection instanceof LinkingSubsection.InitFunctions init) {
        for (LinkingSubsection.InitFunction function : init.functions()) {
          if (Integer.compareUnsigned(function.symbol(), symbols.size()) >= 0
              || !(symbols.get(function.symbol()) instanceof SymbolInfo.Function)) {
            throw object.reader(header).error("init function refers to symbol "
                + Integer.toUnsignedString(function.symbol()) + ", which is not a function symbol");
          }
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
        throw in.errorAt(position, "symbol " + i + (symbol.name() == null ? "" : " (" + symbol.name() + ")")
            + ": " + problem);
      }
      symbols.add(symbol);
    }
  }

  private String symbolProblem(SymbolInfo symbol) {
    boolean undefined = (symbol.flags() & SymbolFlags.UNDEFINED) != 0;
    if (symbol instanceof SymbolInfo.Function function) {
      return indexProblem("function", function.index(), undefined, importedFunctions, definedFunctions);
    }
    if (symbol instanceof SymbolInfo.Global global) {
      return indexProblem("global", global.index(), undefined, importedGlobals, definedGlobals);
    }
    if (symbol instanceof SymbolInfo.Table table) {
      return indexProblem("table", table.index(), undefined, importedTables, definedTables);
    }
    if (symbol instanceof SymbolInfo.ExceptionTag tag) {
      return indexProblem("tag", tag.index(), undefined, importedTags, definedTags);
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
    long end = data.place().offset() + data.place().size();
    if (data.place().offset() < 0 || end < 0 || end > segments.get(segment).bytes().length()) {
      return "offset " + data.place().offset() + " and size " + data.place().size() + " run past the end of"
          + " data segment " + segment + " (" + segments.get(segment).bytes().length() + " bytes)";
    }
    return null;
  }

  /** Undefined symbols name imports; defined ones name definitions, which come after the imports. */
  private static String indexProblem(String space, int index, boolean undefined, int imported, int defined) {
    long value = Integer.toUnsignedLong(index);
    if (undefined && value >= imported) {
      return "undefined " + space + " symbol has index " + value + " but there are " + imported + " imported "
          + space + "s";
    }
    if (!undefined && (value < imported || value >= imported + defined)) {
      return "defined " + space + " symbol has index " + value + ", outside the defined " + space + "s ("
          + imported + " to " + (imported + defined - 1) + ")";
    }
    return null;
  }

  /** Walks each {@code reloc.*} section entry by entry. */
  private void checkRelocations() {
    for (ObjectFile.Relocations relocations : object.relocations()) {
      ByteReader in = object.reader(relocations.header());
      int targetPosition = in.position();
      int target = in.readUleb32();
      if (Integer.compareUnsigned(target, object.sections().size()) >= 0) {
        throw in.errorAt(targetPosition, "relocations target section " + Integer.toUnsignedString(target)
            + " but the object has " + object.sections().size() + " sections");
      }
      SectionHeader patched = object.sections().get(target);
      int count = in.readCount();
      for (int i = 0; i < count; i++) {
        int position = in.position();
        RelocationEntry entry = RelocationEntryDecoder.decode(in);
        String problem = relocationProblem(entry, patched);
        if (problem != null) {
          throw in.errorAt(position, problem);
        }
      }
    }
  }

  private String relocationProblem(RelocationEntry entry, SectionHeader patched) {
    RelocationHandler handler = registry.byCode(entry.type());
    RelocationKind kind = handler.kind();
    long end = Integer.toUnsignedLong(entry.offset()) + kind.field().width();
    if (end > patched.payload().length()) {
      return kind.name() + " at offset 0x" + Integer.toHexString(entry.offset()) + " needs "
          + kind.field().width() + " bytes but section " + patched.name() + " has only "
          + patched.payload().length();
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
        : kind.name() + " refers to symbol " + index + (symbol.name() == null ? "" : " (" + symbol.name() + ")")
            + ", a " + kindOf(symbol) + " symbol, but it needs a " + kind.target().description();
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

  static String kindOf(SymbolInfo symbol) {
    if (symbol instanceof SymbolInfo.Function) {
      return "function";
    } else if (symbol instanceof SymbolInfo.Data) {
      return "data";
    } else if (symbol instanceof SymbolInfo.Global) {
      return "global";
    } else if (symbol instanceof SymbolInfo.Table) {
      return "table";
    } else if (symbol instanceof SymbolInfo.ExceptionTag) {
      return "tag";
    }
    return "section";
  }

  private MalformedInputException sectionError(int id, String problem) {
    SectionHeader header = object.section(id).orElseThrow();
    return object.reader(header).error(problem);
  }
}
