package dev.wasmlink.linker.relocatable;

import dev.wasmlink.linker.diagnostics.Diagnostics;
import dev.wasmlink.linker.features.TargetFeatures;
import dev.wasmlink.linker.layout.MemoryLayout;
import dev.wasmlink.linker.layout.GlobalOffsetTable;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.pic.GotAccess;
import dev.wasmlink.linker.layout.TableSettings;
import dev.wasmlink.linker.link.InputStage;
import dev.wasmlink.linker.link.LinkSettings;
import dev.wasmlink.linker.link.MetadataSections;
import dev.wasmlink.linker.link.SignatureStubs;
import dev.wasmlink.linker.linking.LinkingMetadata;
import dev.wasmlink.linker.names.DisplayNames;
import dev.wasmlink.linker.symbols.ChunkNames;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.InputTable;
import dev.wasmlink.linker.symbols.InputTag;
import dev.wasmlink.linker.symbols.Liveness;
import dev.wasmlink.linker.symbols.ResolutionListener;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolKind;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.write.MemoryInterface;
import dev.wasmlink.linker.write.ModuleImage;
import dev.wasmlink.linker.write.ModuleWriter;
import dev.wasmlink.linker.write.OutputFile;
import dev.wasmlink.linker.write.PendingCustomSections;
import dev.wasmlink.linker.write.StandardOutput;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * A relocatable link ({@code -r}): many objects into one object that links again, as wasm-ld writes it. Everything
 * is kept (no GC), nothing is synthesized (no stack pointer, constructors caller or start function) and nothing
 * undefined is an error: undefined functions, globals, tags and tables become imports, undefined data stays an
 * undefined symbol. Data is laid out from address 0 with every segment written, {@code .bss} included, and the
 * inputs' relocations are applied as in a final link and written again, against the output's own symbol table, in
 * {@code reloc.*} sections; the {@code linking} section carries that symbol table, the segments, the constructors
 * and the comdats.
 */
public final class RelocatableLinker {
  private static final String INDIRECT_FUNCTION_TABLE = "__indirect_function_table";

  private final LinkSettings settings;
  private final Diagnostics diagnostics;
  private final SymbolTable symbols;
  private final ModuleLayout layout =
      new ModuleLayout(new GlobalOffsetTable(false, false, GotAccess.inStaticLink(false)));
  private final RelocationRegistry registry = RelocationRegistry.standard();
  private final DisplayNames displayNames;
  private final OutputFile output;

  /** @param out the caller's standard output, where {@code -o -} writes the object */
  public RelocatableLinker(LinkSettings settings, StandardOutput out) {
    this.settings = settings;
    this.output = new OutputFile(settings.output(), settings.workingDirectory(), out);
    this.diagnostics = new Diagnostics(settings.fatalWarnings());
    this.displayNames = new DisplayNames(settings.demangle());
    this.symbols = new SymbolTable(diagnostics, ResolutionListener.NONE);
  }

  /** Links, writes the output, and returns the diagnostics (warnings only: errors throw). */
  public Diagnostics link() {
    symbols.keepEveryComdat();
    InputStage.read(settings, symbols);
    InputStage.check(symbols.objects(), settings, diagnostics);
    symbols.checkSignatures();
    diagnostics.stopIfErrors();
    symbols.objects().forEach(ChunkNames::assign);
    // Nothing is collected: every chunk and every symbol stays, an undefined one that only debug information
    // mentions included.
    Liveness liveness = new Liveness();
    liveness.markEverything(symbols);
    symbols.globals().stream().filter(symbol -> symbol.kind() != null).forEach(liveness::markLive);
    liveness.propagate();
    TargetFeatures features = TargetFeatures.compute(symbols.objects(), settings.features(), false, false, false);
    features.errors().forEach(diagnostics::error);
    diagnostics.stopIfErrors();
    layOut(features);
    if (isTablePresent()) {
      // The table a function's slot is in is imported; wasm-ld gives it a symbol when no object did.
      symbols.declareUndefined(INDIRECT_FUNCTION_TABLE, SymbolKind.TABLE, SymbolFlags.VISIBILITY_HIDDEN).markLive();
    }
    ModuleWriter writer = new ModuleWriter(new ModuleWriter.Contents(layout,
        PendingCustomSections.start(symbols.objects(), settings.customSections()), List.of(),
        isTablePresent(), new TableSettings(1, false, true), new MemoryInterface(false, null, null, null),
        settings.customSections(), features.section(), MetadataSections.producers(symbols.objects()),
        settings.moduleName(), null, displayNames, LinkingMetadata.ofObject(symbols, layout), null));
    ModuleImage module = writer.write();
    diagnostics.stopIfErrors();
    output.write(module::writeTo);
    return diagnostics;
  }

  /** Imports, memory from address 0, every kept function, global, tag and table, the table's slots and the types. */
  private void layOut(TargetFeatures features) {
    for (Symbol symbol : symbols.globals()) {
      if (symbol.kind() == null || !symbol.isLive() || !symbol.isUndefined()) {
        continue;
      }
      if (symbol.kind() == SymbolKind.FUNCTION || symbol.kind() == SymbolKind.GLOBAL
          || symbol.kind() == SymbolKind.TAG) {
        layout.importSymbol(symbol);
      }
    }
    List<InputSegment> segments = new ArrayList<>();
    symbols.objects().forEach(object -> segments.addAll(object.keptSegments()));
    MemoryLayout memory = MemoryLayout.compute(segments, settings.memory(), features.allows("bulk-memory"));
    layout.setMemory(memory);
    layout.setTableBase(1);
    // Made before the relocations are scanned, which must know what reaches a stub rather than its function.
    List<InputFunction> stubs = SignatureStubs.create(symbols, layout);
    for (InputObject object : symbols.objects()) {
      for (InputFunction function : object.keptFunctions()) {
        scanRelocations(object, object.relocations(function));
      }
      for (InputSegment segment : object.keptSegments()) {
        scanRelocations(object, object.relocations(segment));
      }
    }
    // As in a final link, the functions wasm-ld makes come first: here only the signature stubs.
    layout.functions().addAll(stubs);
    for (InputObject object : symbols.objects()) {
      layout.functions().addAll(object.keptFunctions());
      object.globals().stream().filter(InputGlobal::isLive).forEach(layout.globals()::add);
      object.tags().stream().filter(InputTag::isLive).forEach(layout.tags()::add);
      object.tables().stream().filter(InputTable::isLive).forEach(layout.tables()::add);
    }
    // As wasm-ld writes them in a relocatable output too: the GOT entries, holding addresses in its layout.
    layout.globals().addAll(layout.got().globals());
    layout.assignIndices();
    layout.got().setValues(layout);
    for (Symbol symbol : layout.importedFunctions()) {
      layout.types().register(symbol.signature());
    }
    for (Symbol symbol : layout.importedTags()) {
      layout.types().register(symbol.signature());
    }
    layout.functions().forEach(function -> layout.types().register(function.type()));
    layout.tags().forEach(tag -> layout.types().register(tag.type()));
    layout.assignTables(isTablePresent(), true);
  }

  /** The types call_indirect uses, the functions whose address is taken, and the GOT entries code reads. */
  private void scanRelocations(InputObject object, List<RelocationEntry> relocations) {
    for (RelocationEntry entry : relocations) {
      RelocationKind kind = registry.kindOf(entry.type());
      if (kind.target() == RelocationTarget.TYPE) {
        layout.types().register(object.types().get(entry.index()));
        continue;
      }
      Symbol symbol = object.symbol(entry.index());
      if (layout.signatureStubFor(object, symbol) != null) {
        // The object reaches a signature stub there, which has no slot and no GOT entry (its address is null).
        continue;
      }
      RelocationRule rule = kind.rule();
      if ((rule == RelocationRule.TABLE_SLOT || rule == RelocationRule.TABLE_SLOT_RELATIVE)
          && (symbol.isDefined() || layout.isImported(symbol))) {
        layout.addTableEntry(symbol);
      } else if (rule == RelocationRule.GLOBAL_INDEX && symbol.global() == null
          && symbol.kind() != SymbolKind.GLOBAL && layout.addGotEntry(symbol)
          && symbol.kind() == SymbolKind.FUNCTION && (symbol.isDefined() || layout.isImported(symbol))) {
        layout.addTableEntry(symbol);
      }
    }
  }

  /** The indirect function table, imported, when an input uses it or a function's address is taken. */
  private boolean isTablePresent() {
    Symbol table = symbols.find(INDIRECT_FUNCTION_TABLE);
    return !layout.tableEntries().isEmpty() || table != null && table.isLive() && table.table() == null;
  }
}
