package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.GlobalType;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.TypeEntry;
import dev.wasmlink.spec.reloc.SymbolFacts;

/**
 * One symbol after resolution: a global name shared by every object that mentions it, or a local of one object. It
 * records the winning definition (a function, a place in a data segment, a global, an absolute address) or, while
 * undefined, what an import for it would look like.
 */
public final class Symbol implements SymbolFacts {
  private final String name;
  private final SymbolKind kind;
  private int flags;
  private InputObject file;

  private InputFunction function;
  private InputSegment segment;
  private long offset;
  private long size;
  private Long absoluteAddress;
  private InputGlobal global;
  private InputTag tag;
  private InputTable table;

  private String importModule;
  private String importName;
  private TypeEntry.FunctionType signature;
  private GlobalType globalType;

  private LazyMember lazy;
  /** The shared library that provides this otherwise undefined symbol, or {@code null}. */
  private String sharedLibrary;
  private boolean live;
  private int tableSlot;
  private int outputIndex = -1;

  Symbol(String name, SymbolKind kind, int flags, InputObject file) {
    this.name = name;
    this.kind = kind;
    this.flags = flags;
    this.file = file;
  }

  @Override
  public String name() {
    return name;
  }

  public SymbolKind kind() {
    return kind;
  }

  public int flags() {
    return flags;
  }

  /** The object that defines the symbol, or that first referred to it while it is undefined. */
  public InputObject file() {
    return file;
  }

  @Override
  public boolean isUndefined() {
    return function == null && segment == null && absoluteAddress == null && global == null && tag == null
        && table == null && !isSynthetic();
  }

  public boolean isDefined() {
    return !isUndefined();
  }

  public boolean isWeak() {
    return (flags & SymbolFlags.BINDING_WEAK) != 0;
  }

  public boolean isLocal() {
    return (flags & SymbolFlags.BINDING_LOCAL) != 0;
  }

  public boolean isHidden() {
    return (flags & SymbolFlags.VISIBILITY_HIDDEN) != 0;
  }

  public boolean isNoStrip() {
    return (flags & SymbolFlags.NO_STRIP) != 0;
  }

  public boolean isExportedByFlag() {
    return (flags & SymbolFlags.EXPORTED) != 0;
  }

  @Override
  public boolean isTls() {
    return (flags & SymbolFlags.TLS) != 0 || (segment != null && segment.isTls());
  }

  /**
   * Whether a shared library given as an input provides this symbol: it stays undefined here (the loader supplies
   * it, as an import or through a GOT entry), but is neither reported nor resolved from an archive.
   */
  public boolean isShared() {
    return sharedLibrary != null;
  }

  /** Whether a stub library says the loader provides this undefined symbol: it is imported, and not reported. */
  public boolean isForcedImport() {
    return forcedImport;
  }

  void forceImport() {
    forcedImport = true;
  }

  private boolean forcedImport;

  /** The shared library that provides this symbol, or {@code null}. */
  public String sharedLibrary() {
    return sharedLibrary;
  }

  void provideFromSharedLibrary(String library, int flags, TypeEntry.FunctionType signature) {
    clearDefinition(null, flags);
    this.sharedLibrary = library;
    if (signature != null) {
      this.signature = signature;
    }
  }

  /** Synthetic symbols (the table, the stack pointer's global) are defined by the linker, not by an object. */
  private boolean synthetic;

  public boolean isSynthetic() {
    return synthetic;
  }

  void markSynthetic() {
    synthetic = true;
  }

  public InputFunction function() {
    return function;
  }

  public InputSegment segment() {
    return segment;
  }

  public long offset() {
    return offset;
  }

  public long size() {
    return size;
  }

  public Long absoluteAddress() {
    return absoluteAddress;
  }

  public InputGlobal global() {
    return global;
  }

  public InputTag tag() {
    return tag;
  }

  public InputTable table() {
    return table;
  }

  public String importModule() {
    return importModule;
  }

  public String importName() {
    return importName;
  }

  /** The signature, for functions and tags: the definition's, or the one the first reference expects. */
  public TypeEntry.FunctionType signature() {
    return signature;
  }

  public GlobalType globalType() {
    return globalType;
  }

  public LazyMember lazy() {
    return lazy;
  }

  public boolean isLive() {
    return live;
  }

  public void markLive() {
    live = true;
  }

  /** The slot in the indirect function table, 0 when the function's address is never taken. */
  public int tableSlot() {
    return function != null ? function.tableSlot() : tableSlot;
  }

  /** Sets the slot; a defined function's slot is its function's, which every alias of it shares. */
  public void setTableSlot(int slot) {
    if (function != null) {
      function.setTableSlot(slot);
    } else {
      tableSlot = slot;
    }
  }

  /** The output index of the function, global, tag or table; -1 before layout. */
  public int outputIndex() {
    return outputIndex;
  }

  public void setOutputIndex(int index) {
    outputIndex = index;
  }

  void defineFunction(InputObject file, int flags, InputFunction function) {
    clearDefinition(file, flags);
    this.function = function;
    this.signature = function.type();
  }

  void defineData(InputObject file, int flags, InputSegment segment, long offset, long size) {
    clearDefinition(file, flags);
    this.segment = segment;
    this.offset = offset;
    this.size = size;
  }

  void defineAbsolute(InputObject file, int flags, long address) {
    clearDefinition(file, flags);
    this.absoluteAddress = address;
  }

  void defineGlobal(InputObject file, int flags, InputGlobal global) {
    clearDefinition(file, flags);
    this.global = global;
    this.globalType = global.type();
  }

  void defineTag(InputObject file, int flags, InputTag tag) {
    clearDefinition(file, flags);
    this.tag = tag;
    this.signature = tag.type();
  }

  void defineTable(InputObject file, int flags, InputTable table) {
    clearDefinition(file, flags);
    this.table = table;
  }

  void setAbsoluteAddress(long address) {
    this.absoluteAddress = address;
  }

  private void clearDefinition(InputObject file, int flags) {
    this.file = file;
    this.flags = flags;
    this.function = null;
    this.segment = null;
    this.absoluteAddress = null;
    this.global = null;
    this.tag = null;
    this.table = null;
    this.lazy = null;
    this.sharedLibrary = null;
  }

  /** Records what an import for this undefined symbol would be, from the first reference that says. */
  void describeImport(String module, String field, TypeEntry.FunctionType signature, GlobalType globalType) {
    if (importModule == null) {
      importModule = module;
      importName = field;
    }
    if (this.signature == null) {
      this.signature = signature;
    }
    if (this.globalType == null) {
      this.globalType = globalType;
    }
  }

  void setLazy(LazyMember member) {
    lazy = member;
  }

  /** An undefined reference is weak only while every reference is weak. */
  void mergeUndefinedFlags(int referenceFlags) {
    if ((referenceFlags & SymbolFlags.BINDING_WEAK) == 0) {
      flags &= ~SymbolFlags.BINDING_WEAK;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
