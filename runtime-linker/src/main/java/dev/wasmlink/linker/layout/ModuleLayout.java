package dev.wasmlink.linker.layout;

import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.InputTable;
import dev.wasmlink.linker.symbols.InputTag;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.spec.format.TypeEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every index space of the output and where each thing sits in it: types, imported then defined functions, globals
 * and tags, the indirect function table's slots, and linear memory. Filled by the linker stage by stage; read by the
 * relocation resolver and the writer.
 */
public final class ModuleLayout {
  private final TypeSection types = new TypeSection();
  private final List<Symbol> importedFunctions = new ArrayList<>();
  private final Set<Symbol> importedSet = new HashSet<>();
  private final List<Symbol> imports = new ArrayList<>();
  private final List<Symbol> importedGlobals = new ArrayList<>();
  private final List<InputFunction> functions = new ArrayList<>();
  private final List<InputGlobal> globals = new ArrayList<>();
  private final List<Symbol> importedTags = new ArrayList<>();
  private final List<InputTag> tags = new ArrayList<>();
  private final List<InputTable> tables = new ArrayList<>();
  private int indirectTableIndex = -1;
  private final List<Symbol> tableEntries = new ArrayList<>();
  private final Set<Object> slotOwners = new HashSet<>();
  private final GlobalOffsetTable got;
  private final Map<Symbol, Map<TypeEntry.FunctionType, InputFunction>> signatureStubs = new IdentityHashMap<>();
  private MemoryLayout memory;
  private long tableBase = 1;

  /** A layout whose GOT follows {@code got}'s rules: a static link's or a position-independent output's. */
  public ModuleLayout(GlobalOffsetTable got) {
    this.got = got;
  }

  public TypeSection types() {
    return types;
  }

  public List<Symbol> importedFunctions() {
    return importedFunctions;
  }

  /**
   * Imports a function, global or tag, after those imported before it: each in its index space, and all in the import
   * section in the order they came (wasm-ld's: symbol-table order).
   */
  public void importSymbol(Symbol symbol) {
    switch (symbol.kind()) {
      case FUNCTION -> importedFunctions.add(symbol);
      case GLOBAL -> importedGlobals.add(symbol);
      case TAG -> importedTags.add(symbol);
      default -> throw new IllegalArgumentException("not importable: " + symbol.kind() + " " + symbol);
    }
    imports.add(symbol);
    importedSet.add(symbol);
  }

  /** The imported functions, globals and tags, in import-section order. */
  public List<Symbol> imports() {
    return imports;
  }

  /**
   * Where an imported indirect function table goes among the symbols' imports: first (0) when an input refers to
   * it; when the linker alone makes it, after the symbols imported so far, as wasm-ld adds it in symbol-table order
   * (GOT imports, added later, follow it).
   */
  public int tableImportPosition() {
    return tableImportPosition;
  }

  /** Puts an imported indirect function table after the imports so far (see {@link #tableImportPosition}). */
  public void importTableAfterSymbols() {
    tableImportPosition = imports.size();
  }

  private int tableImportPosition;

  /** Whether {@code symbol} is imported: asked once per relocation, so a set answers. */
  public boolean isImported(Symbol symbol) {
    return importedSet.contains(symbol);
  }

  public List<Symbol> importedGlobals() {
    return importedGlobals;
  }

  /** Defined functions in output order; their indices follow the imported ones. */
  public List<InputFunction> functions() {
    return functions;
  }

  /** Defined globals in output order; their indices follow the imported ones. */
  public List<InputGlobal> globals() {
    return globals;
  }

  /** Tables the inputs define, in output order (the indirect function table is not among them). */
  public List<InputTable> tables() {
    return tables;
  }

  /** The indirect function table's index, -1 when the output has none; known once tables are assigned. */
  public int indirectTableIndex() {
    return indirectTableIndex;
  }

  /**
   * Gives every table its index, as wasm-ld numbers them: an imported indirect function table first; the indirect
   * function table first too when an object from before reference types uses it (its {@code call_indirect} names no
   * table, so means table 0); otherwise the inputs' tables, then the indirect function table.
   *
   * @param indirect whether the output has the indirect function table
   * @param indirectFirst whether it must be table 0 (imported, or used by an MVP object)
   */
  public void assignTables(boolean indirect, boolean indirectFirst) {
    int next = 0;
    if (indirect && indirectFirst) {
      indirectTableIndex = next++;
    }
    for (InputTable table : tables) {
      table.setOutputIndex(next++);
    }
    if (indirect && !indirectFirst) {
      indirectTableIndex = next;
    }
  }

  public List<Symbol> importedTags() {
    return importedTags;
  }

  /** Defined tags in output order; their indices follow the imported ones. */
  public List<InputTag> tags() {
    return tags;
  }

  /** The functions in the indirect function table; entry {@code i} is slot {@code tableBase + i}. */
  public List<Symbol> tableEntries() {
    return tableEntries;
  }

  /**
   * Gives a function a slot in the table unless it has one: one slot per function, however many symbols name it
   * (C++ emits aliases, such as a D1 and a D2 destructor for one body), so that its address is one value.
   */
  public void addTableEntry(Symbol function) {
    if (slotOwners.add(function.function() != null ? function.function() : function)) {
      tableEntries.add(function);
    }
  }

  public long tableBase() {
    return tableBase;
  }

  public void setTableBase(long base) {
    tableBase = base;
  }

  /**
   * Gives {@code symbol} a GOT entry unless it has one; an entry the loader fills is imported, after every import
   * so far. Returns whether the entry is new and internal (a function's then needs a table slot).
   */
  public boolean addGotEntry(Symbol symbol) {
    if (got.hasInternalEntry(symbol)) {
      return false;
    }
    Symbol imported = got.add(symbol);
    if (imported != null) {
      importSymbol(imported);
      return false;
    }
    return got.hasInternalEntry(symbol);
  }

  /** The globals standing for GOT entries, which code built for possibly-shared symbols reads addresses from. */
  public GlobalOffsetTable got() {
    return got;
  }

  /** Trapping stand-ins for functions called with a signature other than their own, by function and signature. */
  public Map<Symbol, Map<TypeEntry.FunctionType, InputFunction>> signatureStubs() {
    return signatureStubs;
  }

  /**
   * The stub {@code object}'s references to {@code symbol} reach instead of it, because the object calls it with
   * another signature; {@code null} when they reach the symbol itself.
   */
  public InputFunction signatureStubFor(InputObject object, Symbol symbol) {
    TypeEntry.FunctionType expected = object.expectedSignature(symbol);
    Map<TypeEntry.FunctionType, InputFunction> stubs = expected == null ? null : signatureStubs.get(symbol);
    return stubs == null ? null : stubs.get(expected);
  }

  public MemoryLayout memory() {
    return memory;
  }

  public void setMemory(MemoryLayout memory) {
    this.memory = memory;
  }

  /** Records where a function's body (after its size) starts in the output code section's payload, as DWARF counts. */
  public void placeBody(InputFunction function, int offset) {
    int position = function.outputIndex() - importedFunctions.size();
    if (position < 0 || position >= functions.size() || functions.get(position) != function) {
      throw new IllegalArgumentException(function + " is not among the output's functions");
    }
    function.setBodyOffset(offset);
  }

  /**
   * Where a function's body (after its size) starts in the output code section's payload, or -1 for a function the
   * output does not have. Kept on the function: DWARF asks for every function it mentions, and a lookup by output
   * index cost two more cache misses each time.
   */
  public int bodyOffset(InputFunction function) {
    return function.bodyOffset();
  }

  /** Gives every function and global its output index, once the lists are final. */
  public void assignIndices() {
    for (int i = 0; i < importedFunctions.size(); i++) {
      importedFunctions.get(i).setOutputIndex(i);
    }
    for (int i = 0; i < functions.size(); i++) {
      functions.get(i).setOutputIndex(importedFunctions.size() + i);
    }
    for (int i = 0; i < importedGlobals.size(); i++) {
      importedGlobals.get(i).setOutputIndex(i);
    }
    for (int i = 0; i < globals.size(); i++) {
      globals.get(i).setOutputIndex(importedGlobals.size() + i);
    }
    for (int i = 0; i < importedTags.size(); i++) {
      importedTags.get(i).setOutputIndex(i);
    }
    for (int i = 0; i < tags.size(); i++) {
      tags.get(i).setOutputIndex(importedTags.size() + i);
    }
    for (int i = 0; i < tableEntries.size(); i++) {
      tableEntries.get(i).setTableSlot((int) tableBase + i);
    }
  }

  /**
   * The address of a data symbol: where the byte it names landed in its output segment; absolute symbols as given.
   * In merged strings that is where the symbol's string went. A relocation's addend counts from there, as wasm-ld
   * adds it to the symbol's address: {@code foo - 10} is 10 bytes before wherever {@code foo} went, not wherever the
   * byte 10 before it in the input went.
   */
  public long addressOf(Symbol symbol) {
    if (symbol.absoluteAddress() != null) {
      return symbol.absoluteAddress();
    }
    if (symbol.segment() == null || symbol.segment().outputName() == null) {
      // Undefined weak data, or data the link dropped (which only debug sections still mention), is at address 0.
      return 0;
    }
    return symbol.segment().outputSegmentAddress() + symbol.segment().outputOffsetOf(symbol.offset());
  }

  /**
   * A thread-local's offset in every thread's block: its address less that of the static {@code .tdata}. For a data
   * symbol that is not thread-local (lowered to plain memory by an object built without threads), an offset that
   * reaches it from {@code __tls_base} in a single-threaded link, where that holds the static address.
   */
  public long threadLocalOffsetOf(Symbol symbol) {
    OutputSegment tls = memory.tlsSegment();
    return addressOf(symbol) - (tls == null ? 0 : tls.address());
  }
}
