package dev.wasmlink.linker.symbols;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveMember;
import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.input.ParallelDecoding;
import dev.wasmlink.linker.input.SharedLibrary;
import dev.wasmlink.linker.input.StubLibrary;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.GlobalType;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import dev.wasmlink.spec.format.TypeEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the symbols of every object into one table, as wasm-ld does: a strong definition beats a weak one, two
 * strong ones are an error, an undefined reference takes the definition, comdat groups are kept from the first
 * object that has them, and archive members are read only when a strong undefined reference needs one of their
 * symbols.
 */
public final class SymbolTable {
  private final Map<String, Symbol> globals = new LinkedHashMap<>();
  private final List<InputObject> objects = new ArrayList<>();
  private final Set<String> comdatsSeen = new HashSet<>();
  /** Members and lazy objects already read, by identity: a member's own equality would hash all its bytes. */
  private final Set<Object> extracted = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Diagnostics diagnostics;
  private final ResolutionListener listener;

  public SymbolTable(Diagnostics diagnostics, ResolutionListener listener) {
    this.diagnostics = diagnostics;
    this.listener = listener;
  }

  /** Every object in the link, in the order it joined. */
  public List<InputObject> objects() {
    return objects;
  }

  public Collection<Symbol> globals() {
    return globals.values();
  }

  /** The global symbol of that name, or {@code null}. */
  public Symbol find(String name) {
    return globals.get(name);
  }

  /**
   * Adds an object: its comdats, then every symbol it defines or references. The object joins the link order after
   * the archive members its symbols pull in, as in wasm-ld, so memory and function order come out the same.
   */
  public void addObject(InputObject object) {
    listener.loaded(object.name());
    discardLosingComdats(object);
    List<SymbolInfo> infos = object.symbolInfos();
    for (int i = 0; i < infos.size(); i++) {
      object.setSymbol(i, resolve(object, infos.get(i)));
    }
    if (!object.tableImports().isEmpty() && infos.stream().noneMatch(info -> info instanceof SymbolInfo.Table)) {
      // An object from before reference types imports the indirect function table with no symbol for it; wasm-ld
      // makes one up as it reads such an object, which fixes the table's place among the symbols, and so exports.
      // Its call_indirect has no table-number relocation, so nothing shows the table used: it is always live.
      globals.computeIfAbsent(INDIRECT_FUNCTION_TABLE,
          name -> new Symbol(name, SymbolKind.TABLE, SymbolFlags.UNDEFINED | SymbolFlags.NO_STRIP, object))
          .markLive();
      usesLegacyIndirectTable = true;
    }
    objects.add(object);
  }

  private static final String INDIRECT_FUNCTION_TABLE = "__indirect_function_table";

  /** Whether an object from before reference types uses the indirect function table, which must then be table 0. */
  private boolean usesLegacyIndirectTable;

  public boolean usesLegacyIndirectTable() {
    return usesLegacyIndirectTable;
  }

  /**
   * Registers an archive's members as lazy definitions of the symbols its index lists, and reads at once those a
   * strong undefined reference already waits for.
   */
  public void addArchive(Archive archive) {
    if (!archive.hasSymbolIndex()) {
      // Without an index, every object member counts as defining what it defines: read them all lazily by scanning.
      for (ArchiveMember member : archive.members()) {
        if (!InputFiles.isRustMetadata(member)) {
          addLazyMember(LazyMember.of(archive, member), definedNames(InputFiles.readMember(archive, member)));
        }
      }
      return;
    }
    for (String name : archive.symbolIndex().symbols()) {
      archive.memberDefining(name).ifPresent(member -> addLazy(name, LazyMember.of(archive, member)));
    }
  }

  /** Adds every object member, as {@code --whole-archive} asks; returns them, as objects given explicitly. */
  public List<InputObject> addWholeArchive(Archive archive) {
    List<ArchiveMember> members = new ArrayList<>();
    for (ArchiveMember member : archive.members()) {
      if (!InputFiles.isRustMetadata(member) && extracted.add(member)) {
        members.add(member);
      }
    }
    List<InputObject> added = new ArrayList<>();
    for (ParallelDecoding.Outcome<InputObject> read :
        ParallelDecoding.all(members, member -> InputObject.of(InputFiles.readMember(archive, member)))) {
      InputObject object = read.get();
      addObject(object);
      added.add(object);
    }
    return added;
  }

  /** An object between {@code --start-lib} and {@code --end-lib}: read only if one of its symbols is needed. */
  public void addLazyObject(ObjectFile object) {
    addLazyMember(LazyMember.of(object), definedNames(object));
  }

  private void addLazyMember(LazyMember member, List<String> names) {
    for (String name : names) {
      addLazy(name, member);
    }
  }

  private static List<String> definedNames(ObjectFile object) {
    List<String> names = new ArrayList<>();
    object.linkingSubsections(LinkingSubsection.SymbolTable.class).stream()
        .flatMap(table -> table.symbols().stream())
        .filter(info -> (info.flags() & (SymbolFlags.UNDEFINED | SymbolFlags.BINDING_LOCAL)) == 0)
        .filter(info -> info.name() != null)
        .forEach(info -> names.add(info.name()));
    return names;
  }

  private void addLazy(String name, LazyMember member) {
    Symbol existing = globals.get(name);
    if (existing == null || existing.isUndefined() && existing.kind() != null && existing.isWeak()) {
      listener.symbol(member.name(), name, "lazy definition of");
    }
    if (existing == null) {
      Symbol lazy = new Symbol(name, null, 0, null);
      lazy.setLazy(member);
      globals.put(name, lazy);
    } else if (existing.isUndefined() && existing.lazy() == null && existing.kind() != null
        && !existing.isShared()) {
      if (existing.isWeak()) {
        existing.setLazy(member);
      } else {
        extract(member, existing.file().name(), name, true);
      }
    }
  }

  /**
   * Reads a lazy member into the link. {@code recorded} says whether {@code --why-extract} lists it, as wasm-ld 19
   * does: always when an archive's index meets a reference already waiting for it, but when a reference read later
   * meets a lazy symbol only if it is a function (its undefined-data path records nothing).
   */
  private void extract(LazyMember lazy, String referrer, String symbol, boolean recorded) {
    if (!extracted.add(lazy.object() != null ? lazy.object() : lazy.member())) {
      return;
    }
    ObjectFile object = lazy.object() != null ? lazy.object() : InputFiles.readMember(lazy.archive(), lazy.member());
    addObject(InputObject.of(object));
    // Recorded once the member is in, after what it pulled in itself, as wasm-ld orders --why-extract.
    if (recorded) {
      listener.extracted(referrer, lazy.name(), symbol);
    }
  }

  /**
   * Keeps every object's copy of every comdat group, as a relocatable link does: the final link chooses among them.
   * Called before any object is added.
   */
  public void keepEveryComdat() {
    keepEveryComdat = true;
  }

  private boolean keepEveryComdat;

  /** Marks the chunks of every comdat group another object already brought as discarded. */
  private void discardLosingComdats(InputObject object) {
    if (keepEveryComdat) {
      return;
    }
    for (LinkingSubsection.Comdat comdat : object.comdats()) {
      if (comdatsSeen.add(comdat.name())) {
        continue;
      }
      for (LinkingSubsection.ComdatMember member : comdat.members()) {
        if (member.kind() == 1) {
          object.discard(object.functions().get(member.index() - object.importedFunctionCount()));
        } else if (member.kind() == 0) {
          object.discard(object.segments().get(member.index()));
        }
      }
    }
  }

  private Symbol resolve(InputObject object, SymbolInfo info) {
    SymbolKind kind = SymbolKind.of(info);
    int flags = info.flags();
    boolean undefined = (flags & SymbolFlags.UNDEFINED) != 0 || isInDiscardedChunk(object, info);
    String name = nameOf(object, info);
    listener.symbol(object.name(), name, undefined ? "reference to" : "definition of");
    if ((flags & SymbolFlags.BINDING_LOCAL) != 0 || kind == SymbolKind.SECTION) {
      Symbol local = new Symbol(name, kind, flags, object);
      if (!undefined) {
        define(local, object, info);
      } else {
        describeImport(local, object, info);
      }
      return local;
    }
    Symbol symbol = globals.get(name);
    if (symbol == null || symbol.kind() == null) {
      LazyMember lazy = symbol == null ? null : symbol.lazy();
      symbol = new Symbol(name, kind, undefined ? flags : flags, object);
      globals.put(name, symbol);
      if (undefined) {
        describeImport(symbol, object, info);
        if (lazy != null) {
          if ((flags & SymbolFlags.BINDING_WEAK) == 0) {
            extract(lazy, object.name(), name, kind == SymbolKind.FUNCTION);
          } else {
            symbol.setLazy(lazy);
          }
        }
      } else {
        define(symbol, object, info);
      }
      return symbol;
    }
    if (symbol.kind() != kind) {
      diagnostics.error("symbol type mismatch: " + name + "\n>>> defined as " + symbol.kind().words() + " in "
          + symbol.file() + "\n>>> defined as " + kind.words() + " in " + object);
      return symbol;
    }
    if (kind == SymbolKind.TAG) {
      checkTagType(symbol, object, (SymbolInfo.ExceptionTag) info);
    }
    if (undefined) {
      if (symbol.isUndefined()) {
        symbol.mergeUndefinedFlags(flags);
        describeImport(symbol, object, info);
        if (symbol.lazy() != null && (flags & SymbolFlags.BINDING_WEAK) == 0) {
          extract(symbol.lazy(), object.name(), name, kind == SymbolKind.FUNCTION);
        }
      }
      return symbol;
    }
    if (symbol.isUndefined()) {
      define(symbol, object, info);
    } else if (symbol.isWeak() && (flags & SymbolFlags.BINDING_WEAK) == 0) {
      define(symbol, object, info);
    } else if (!symbol.isWeak() && (flags & SymbolFlags.BINDING_WEAK) == 0 && !symbol.isSynthetic()) {
      diagnostics.error("duplicate symbol: " + name + "\n>>> defined in " + symbol.file() + "\n>>> defined in "
          + object);
    }
    return symbol;
  }

  /**
   * A tag's type must be the same wherever it is declared; wasm-ld warns when it is not and keeps the definition's (the
   * first one met, until a definition comes).
   */
  private void checkTagType(Symbol symbol, InputObject object, SymbolInfo.ExceptionTag info) {
    TypeEntry.FunctionType type = tagType(object, info);
    if (symbol.signature() != null && !symbol.signature().equals(type)) {
      diagnostics.warning("Tag signature mismatch: " + symbol.name() + "\n>>> defined as "
          + Signatures.describe(symbol.signature()) + " in " + symbol.file() + "\n>>> defined as "
          + Signatures.describe(type) + " in " + object);
    }
  }

  private static TypeEntry.FunctionType tagType(InputObject object, SymbolInfo.ExceptionTag info) {
    return info.index() < object.importedTagCount() ? object.tagImports().get(info.index()).signature()
        : object.tags().get(info.index() - object.importedTagCount()).type();
  }

  /** A definition inside a comdat another object won is no definition: it resolves to the winner's. */
  private static boolean isInDiscardedChunk(InputObject object, SymbolInfo info) {
    if ((info.flags() & SymbolFlags.UNDEFINED) != 0) {
      return false;
    }
    if (info instanceof SymbolInfo.Function function) {
      int defined = function.index() - object.importedFunctionCount();
      return defined >= 0 && object.isDiscarded(object.functions().get(defined));
    }
    if (info instanceof SymbolInfo.Data data && data.place() != null
        && (info.flags() & SymbolFlags.ABSOLUTE) == 0) {
      return object.isDiscarded(object.segments().get(data.place().segment()));
    }
    return false;
  }

  private static String nameOf(InputObject object, SymbolInfo info) {
    if (info.name() != null) {
      return info.name();
    }
    if (info instanceof SymbolInfo.Function function) {
      return object.functionImports().get(function.index()).field();
    } else if (info instanceof SymbolInfo.Global global) {
      return object.globalImports().get(global.index()).field();
    } else if (info instanceof SymbolInfo.Table table) {
      return object.tableImports().get(table.index()).field();
    } else if (info instanceof SymbolInfo.ExceptionTag tag) {
      return object.tagImports().get(tag.index()).field();
    } else if (info instanceof SymbolInfo.Section section) {
      return object.object().sections().get(section.section()).name();
    }
    return "";
  }

  private static void define(Symbol symbol, InputObject object, SymbolInfo info) {
    int flags = info.flags() & ~SymbolFlags.UNDEFINED;
    if (info instanceof SymbolInfo.Function function) {
      symbol.defineFunction(object, flags,
          object.functions().get(function.index() - object.importedFunctionCount()));
    } else if (info instanceof SymbolInfo.Data data) {
      if ((flags & SymbolFlags.ABSOLUTE) != 0) {
        symbol.defineAbsolute(object, flags, data.place().offset());
      } else {
        symbol.defineData(object, flags, object.segments().get(data.place().segment()), data.place().offset(),
            data.place().size());
      }
    } else if (info instanceof SymbolInfo.Global global) {
      symbol.defineGlobal(object, flags, object.globals().get(global.index() - object.importedGlobalCount()));
    } else if (info instanceof SymbolInfo.ExceptionTag tag) {
      symbol.defineTag(object, flags, object.tags().get(tag.index() - object.importedTagCount()));
    } else if (info instanceof SymbolInfo.Table table) {
      symbol.defineTable(object, flags, object.tables().get(table.index() - object.tableImports().size()));
    }
  }

  private static void describeImport(Symbol symbol, InputObject object, SymbolInfo info) {
    boolean explicit = (info.flags() & SymbolFlags.EXPLICIT_NAME) != 0;
    if (info instanceof SymbolInfo.Function function && function.index() < object.importedFunctionCount()) {
      InputObject.ObjectImport entry = object.functionImports().get(function.index());
      symbol.describeImport(explicit || !entry.module().equals("env") ? entry.module() : null,
          explicit ? entry.field() : null, entry.signature(), null);
    } else if (info instanceof SymbolInfo.Global global && global.index() < object.importedGlobalCount()) {
      InputObject.ObjectImport entry = object.globalImports().get(global.index());
      symbol.describeImport(explicit ? entry.module() : null, explicit ? entry.field() : null, null, entry.global());
    } else if (info instanceof SymbolInfo.ExceptionTag tag && tag.index() < object.importedTagCount()) {
      InputObject.ObjectImport entry = object.tagImports().get(tag.index());
      symbol.describeImport(explicit ? entry.module() : null, explicit ? entry.field() : null, entry.signature(),
          null);
    }
  }

  /**
   * Compares every object's view of each function it references with the function's definition. A mismatch is a
   * warning, as in wasm-ld, and that object's calls go to a stub of the signature it expected, which traps: calling
   * with the wrong signature could not validate. wasm-ld warns once per function and signature, naming the first
   * object that expected it: the objects that expect the same signature share one stub.
   */
  public void checkSignatures() {
    Map<Symbol, Set<TypeEntry.FunctionType>> warned = new IdentityHashMap<>();
    for (InputObject object : objects) {
      List<SymbolInfo> infos = object.symbolInfos();
      for (int i = 0; i < infos.size(); i++) {
        if (!(infos.get(i) instanceof SymbolInfo.Function function)
            || function.index() >= object.importedFunctionCount()) {
          continue;
        }
        Symbol symbol = object.symbol(i);
        TypeEntry.FunctionType expected = object.functionImports().get(function.index()).signature();
        // Only a call needs the right signature; an address taken for a table slot does not (wasm-ld agrees).
        if (symbol.function() == null || expected.equals(symbol.function().type()) || !object.callsDirectly(i)) {
          continue;
        }
        if (warned.computeIfAbsent(symbol, s -> new HashSet<>()).add(expected)) {
          diagnostics.warning("function signature mismatch: " + symbol.name() + "\n>>> defined as "
              + Signatures.describe(expected) + " in " + object + "\n>>> defined as "
              + Signatures.describe(symbol.function().type()) + " in " + symbol.file());
        }
        object.expectSignature(symbol, expected);
      }
    }
  }

  /**
   * Records a reference from the command line ({@code -u}, the entry, {@code --export}): an archive member defining
   * it is read, as for an undefined reference from an object. The symbol keeps its place in the table, where the
   * archive's index put it: exports come in that order.
   */
  public void reference(String name, String why) {
    Symbol symbol = globals.get(name);
    if (symbol != null && symbol.lazy() != null && (symbol.kind() == null || symbol.isUndefined())) {
      extract(symbol.lazy(), why, name, true);
    }
  }

  /**
   * Adds an undefined symbol no object mentions, when the output needs it all the same (the indirect function table
   * of a relocatable output whose functions take table slots); returns the existing symbol if there is one.
   */
  public Symbol declareUndefined(String name, SymbolKind kind, int flags) {
    Symbol symbol = globals.get(name);
    if (symbol == null || symbol.kind() == null) {
      symbol = new Symbol(name, kind, flags | SymbolFlags.UNDEFINED, null);
      globals.put(name, symbol);
    }
    return symbol;
  }

  /**
   * Adds what a shared library provides, as wasm-ld does: each name not yet defined becomes the library's (an archive
   * member that would define it is then not read); a definition, earlier or later, wins over the library's.
   */
  public void addSharedLibrary(SharedLibrary library) {
    sharedLibraries.add(library);
    for (SharedLibrary.Provided provided : library.exports()) {
      SymbolKind kind = provided.function() ? SymbolKind.FUNCTION : SymbolKind.DATA;
      listener.symbol(library.path(), provided.name(), "shared definition of");
      Symbol symbol = globals.get(provided.name());
      if (symbol == null || symbol.kind() == null) {
        symbol = new Symbol(provided.name(), kind, provided.flags(), null);
        globals.put(provided.name(), symbol);
      } else if (symbol.kind() != kind) {
        diagnostics.error("symbol type mismatch: " + provided.name() + "\n>>> defined as " + symbol.kind().words()
            + " in " + symbol.file() + "\n>>> defined as " + kind.words() + " in " + library.path());
        continue;
      } else if (symbol.isDefined()) {
        continue;
      }
      symbol.provideFromSharedLibrary(library.soname(), provided.flags(), provided.signature());
    }
  }

  /** Adds a stub library, resolved once every input is read ({@code stubs.StubLibraries}). */
  public void addStubLibrary(StubLibrary library) {
    stubLibraries.add(library);
  }

  /** The stub libraries given as inputs, in command-line order. */
  public List<StubLibrary> stubLibraries() {
    return stubLibraries;
  }

  private final List<StubLibrary> stubLibraries = new ArrayList<>();

  /** Makes an undefined symbol an import that a stub library promises the loader provides. */
  public void forceImport(Symbol symbol) {
    symbol.forceImport();
  }

  /** The shared libraries given as inputs, in command-line order. */
  public List<SharedLibrary> sharedLibraries() {
    return sharedLibraries;
  }

  private final List<SharedLibrary> sharedLibraries = new ArrayList<>();

  /**
   * Declares a global the host provides as {@code env.NAME}: undefined, with that import, whatever objects that refer
   * to it say ({@code __stack_pointer}, {@code __memory_base} and {@code __table_base} of a position-independent
   * output). Declared before the inputs are read, it takes its place among the symbols first, as in wasm-ld.
   */
  public Symbol declareImportedGlobal(String name, GlobalType type) {
    Symbol symbol = declareUndefined(name, SymbolKind.GLOBAL, 0);
    symbol.describeImport("env", name, null, type);
    return symbol;
  }

  /**
   * A global import that stands for no symbol of the link but for another module's answer about one: a GOT entry
   * ({@code GOT.mem.NAME}, {@code GOT.func.NAME}) holding the address the loader gives {@code NAME}.
   */
  public static Symbol importedEntry(String module, String name, GlobalType type) {
    Symbol symbol = new Symbol(name, SymbolKind.GLOBAL, SymbolFlags.UNDEFINED, null);
    symbol.describeImport(module, name, null, type);
    symbol.markLive();
    return symbol;
  }

  /** Defines a symbol the linker itself provides, unless an object already defines it. */
  public Symbol defineSynthetic(String name, SymbolKind kind) {
    Symbol symbol = globals.get(name);
    if (symbol == null || symbol.kind() == null) {
      symbol = new Symbol(name, kind, SymbolFlags.VISIBILITY_HIDDEN, null);
      globals.put(name, symbol);
    }
    if (symbol.isUndefined()) {
      symbol.markSynthetic();
    }
    return symbol;
  }

  /** Gives a synthetic data symbol its address once layout knows it. */
  public static void setAddress(Symbol symbol, long address) {
    symbol.setAbsoluteAddress(address);
  }

  /** Defines a synthetic global. */
  public static void defineGlobal(Symbol symbol, InputGlobal global) {
    symbol.defineGlobal(null, SymbolFlags.VISIBILITY_HIDDEN, global);
  }

  /** Defines a synthetic function. */
  /**
   * Defines {@code name} as a live function the linker made once the layout was known, as wasm-ld defines those it
   * makes last ({@code __wasm_init_memory}, {@code __wasm_start}...): so that {@code --export-all} exports them.
   */
  public void defineLateFunction(String name, InputFunction function) {
    Symbol symbol = defineSynthetic(name, SymbolKind.FUNCTION);
    defineFunction(symbol, function);
    symbol.markLive();
  }

  public static void defineFunction(Symbol symbol, InputFunction function) {
    symbol.defineFunction(null, SymbolFlags.VISIBILITY_HIDDEN, function);
  }
}
