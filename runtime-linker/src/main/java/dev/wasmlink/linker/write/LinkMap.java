package dev.wasmlink.linker.write;

import dev.wasmlink.linker.layout.MergedStrings;
import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.InputObject;
import dev.wasmlink.linker.symbols.InputSegment;
import dev.wasmlink.linker.symbols.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The link map ({@code -Map}, {@code --print-map}) in wasm-ld's format: every output section with its file offset
 * and size, then, under the code and data sections, every input chunk with the symbols it defines. Offsets of chunks
 * count, as wasm-ld's do, from the start of their section's header plus their offset in the section's body.
 */
public final class LinkMap {
  private final ModuleLayout layout;
  private final List<InputObject> objects;
  private final Placements placements;
  private final StringBuilder text = new StringBuilder();

  public LinkMap(ModuleLayout layout, List<InputObject> objects, Placements placements) {
    this.layout = layout;
    this.objects = objects;
    this.placements = placements;
  }

  public String render() {
    text.append("    Addr      Off     Size Out     In      Symbol\n");
    for (Placements.SectionPlacement section : placements.sections()) {
      line(-1, section.offset(), section.size(), 0, section.name());
      switch (section.name()) {
        case "GLOBAL" -> globals();
        case "CODE" -> code(section.offset());
        case "DATA" -> data(section.offset());
        default -> { }
      }
    }
    return text.toString();
  }

  private void globals() {
    for (InputGlobal global : layout.globals()) {
      if (global.debugName() != null) {
        line(global.outputIndex(), 0, 0, 1, global.debugName());
      }
    }
  }

  private void code(int sectionOffset) {
    Map<InputFunction, Set<String>> names = definedNames();
    for (InputFunction function : layout.functions()) {
      int[] placed = placements.function(function);
      int offset = sectionOffset + placed[0];
      String owner = function.file() == null ? "<internal>" : function.file().name();
      line(-1, offset, placed[1], 1, owner + ":(" + function.debugName() + ")");
      for (String name : names.getOrDefault(function, Set.of())) {
        line(-1, offset, placed[1], 2, name);
      }
    }
  }

  /** For every function, the names of the symbols its own object defines it under, in symbol-table order. */
  private Map<InputFunction, Set<String>> definedNames() {
    Map<InputFunction, Set<String>> names = new IdentityHashMap<>();
    for (InputObject object : objects) {
      for (int i = 0; i < object.symbolCount(); i++) {
        Symbol symbol = object.symbol(i);
        if (symbol.function() != null && symbol.function().file() == object && symbol.file() == object) {
          names.computeIfAbsent(symbol.function(), f -> new LinkedHashSet<>()).add(symbol.name());
        }
      }
    }
    return names;
  }

  private void data(int sectionOffset) {
    Map<InputSegment, List<Symbol>> symbols = dataSymbols();
    for (OutputSegment segment : layout.memory().segments()) {
      int[] placed = placements.segment(segment);
      boolean written = placed != null;
      line(segment.address(), sectionOffset + (written ? placed[0] : 0), segment.size(), 0, segment.name());
      List<Object> chunks = new ArrayList<>(segment.inputs());
      chunks.addAll(segment.merged());
      chunks.sort(Comparator.comparingLong(LinkMap::outputOffset));
      for (Object chunk : chunks) {
        long chunkOffset = outputOffset(chunk);
        long address = segment.address() + chunkOffset;
        int fileOffset = written ? (int) (sectionOffset + placed[1] + chunkOffset) : 0;
        if (chunk instanceof MergedStrings strings) {
          line(address, fileOffset, strings.bytes().length, 1, "<internal>:(" + segment.name() + ")");
          continue;
        }
        InputSegment input = (InputSegment) chunk;
        line(address, fileOffset, input.bytes().length(), 1, input.file().name() + ":(" + input.name() + ")");
        for (Symbol symbol : symbols.getOrDefault(input, List.of())) {
          line(address + symbol.offset(), written ? (int) (fileOffset + symbol.offset()) : 0, symbol.size(), 2,
              symbol.name());
        }
      }
    }
  }

  /** The live data symbols each input segment defines, in their object's symbol-table order. */
  private Map<InputSegment, List<Symbol>> dataSymbols() {
    Map<InputSegment, List<Symbol>> symbols = new IdentityHashMap<>();
    for (InputObject object : objects) {
      for (int i = 0; i < object.symbolCount(); i++) {
        Symbol symbol = object.symbol(i);
        if (symbol.segment() != null && symbol.segment().file() == object && symbol.file() == object) {
          List<Symbol> list = symbols.computeIfAbsent(symbol.segment(), s -> new ArrayList<>());
          if (!list.contains(symbol)) {
            list.add(symbol);
          }
        }
      }
    }
    symbols.values().forEach(list -> list.sort(Comparator.comparingLong(Symbol::offset)));
    return symbols;
  }

  private static long outputOffset(Object chunk) {
    return chunk instanceof MergedStrings strings ? strings.outputOffset() : ((InputSegment) chunk).outputOffset();
  }

  /** One line: address (or "-"), file offset, size, then the name indented by its level. */
  private void line(long address, long offset, long size, int level, String name) {
    text.append(String.format("%8s %8x %8x ", address < 0 ? "-" : Long.toHexString(address), offset, size));
    text.append("        ".repeat(level)).append(name).append('\n');
  }
}
