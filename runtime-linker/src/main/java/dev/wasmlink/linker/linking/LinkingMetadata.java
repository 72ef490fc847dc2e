package dev.wasmlink.linker.linking;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.symbols.SymbolTable;
import dev.wasmlink.linker.write.RelocatableMetadata;
import dev.wasmlink.spec.format.LinkingSection;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.SegmentFlags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The {@code linking} section of an output that carries relocations (a relocatable link's, or a final module's under
 * {@code --emit-relocs}): its symbol table, its segments, its constructors and its comdats, and the output symbol
 * each input symbol became, which its {@code reloc.*} sections name.
 */
public final class LinkingMetadata implements RelocatableMetadata {
  private final SymbolTable symbols;
  private final ModuleLayout layout;
  private final OutputSymbolTable symbolTable;
  private final Comdats comdats;

  private LinkingMetadata(SymbolTable symbols, ModuleLayout layout, boolean finalModule,
      Map<Symbol, InputFunction> traps) {
    this.symbols = symbols;
    this.layout = layout;
    this.symbolTable = OutputSymbolTable.assign(symbols, layout, finalModule, traps);
    this.comdats = Comdats.of(symbols.objects());
  }

  /** The metadata of a relocatable link ({@code -r}) whose layout is complete. */
  public static LinkingMetadata ofObject(SymbolTable symbols, ModuleLayout layout) {
    return new LinkingMetadata(symbols, layout, false, Map.of());
  }

  /**
   * The metadata of a final module ({@code --emit-relocs}) whose layout is complete.
   *
   * @param traps the trap each undefined function that is neither defined nor imported calls instead
   */
  public static LinkingMetadata ofModule(SymbolTable symbols, ModuleLayout layout,
      Map<Symbol, InputFunction> traps) {
    return new LinkingMetadata(symbols, layout, true, traps);
  }

  @Override
  public LinkingSection linking(List<String> customSections, ToIntFunction<String> customSectionIndex) {
    List<LinkingSubsection> subsections = new ArrayList<>();
    subsections.add(new LinkingSubsection.SymbolTable(symbolTable.infos(customSections, customSectionIndex)));
    List<LinkingSubsection.Segment> segments = segmentInfo();
    if (!segments.isEmpty()) {
      subsections.add(new LinkingSubsection.SegmentInfo(segments));
    }
    List<LinkingSubsection.InitFunction> inits = initFunctions();
    if (!inits.isEmpty()) {
      subsections.add(new LinkingSubsection.InitFunctions(inits));
    }
    List<LinkingSubsection.Comdat> groups = comdats.output(layout);
    if (!groups.isEmpty()) {
      subsections.add(new LinkingSubsection.ComdatInfo(groups));
    }
    return new LinkingSection(LinkingSection.VERSION, subsections);
  }

  @Override
  public int symbolIndex(InputObject object, int symbol) {
    return symbolTable.indexOf(object, symbol);
  }

  /**
   * Each written segment's name, alignment and flags: thread-local and retained when an input segment was (wasm-ld
   * 19 drops every flag here, which loses a retained segment's root), strings when all its inputs were.
   */
  private List<LinkingSubsection.Segment> segmentInfo() {
    List<LinkingSubsection.Segment> segments = new ArrayList<>();
    for (OutputSegment segment : layout.memory().writtenSegments()) {
      int flags = segment.isTls() ? SegmentFlags.TLS : 0;
      boolean strings = !segment.inputs().isEmpty();
      for (InputSegment input : segment.inputs()) {
        flags |= input.flags() & SegmentFlags.RETAIN;
        strings &= (input.flags() & SegmentFlags.STRINGS) != 0;
      }
      segments.add(new LinkingSubsection.Segment(segment.name(),
          Long.numberOfTrailingZeros(segment.alignment()), flags | (strings ? SegmentFlags.STRINGS : 0)));
    }
    return segments;
  }

  /**
   * Every constructor the output runs (its function kept and live, or a function no object defines, which the output
   * imports), by priority (link order within one), naming its output symbol.
   */
  private List<LinkingSubsection.InitFunction> initFunctions() {
    record Init(int priority, int order, int symbol) {}
    List<Init> inits = new ArrayList<>();
    for (InputObject object : symbols.objects()) {
      for (LinkingSubsection.InitFunction init : object.initFunctions()) {
        Symbol symbol = object.symbol(init.symbol());
        int index = symbolTable.indexOf(object, init.symbol());
        boolean runs = symbol.function() != null
            ? !object.isDiscarded(symbol.function()) && symbol.function().isLive() : symbol.isUndefined();
        if (runs && index >= 0) {
          inits.add(new Init(init.priority(), inits.size(), index));
        }
      }
    }
    inits.sort(Comparator.comparingInt(Init::priority).thenComparingInt(Init::order));
    return inits.stream().map(init -> new LinkingSubsection.InitFunction(init.priority(), init.symbol())).toList();
  }
}
