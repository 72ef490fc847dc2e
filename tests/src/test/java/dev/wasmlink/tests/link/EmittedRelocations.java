package dev.wasmlink.tests.link;

import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.ObjectReader;
import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.DataSegment;
import dev.wasmlink.spec.format.ElementSegment;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.SegmentFlags;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchableFields;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the relocations a final module keeps ({@code --emit-relocs}) against the module itself: each entry of its
 * {@code reloc.CODE} and {@code reloc.DATA} sections must sit on a field that holds exactly what the entry says, read
 * through the module's own symbol table: the function, global, tag or table index of its symbol, the type index, the
 * table slot holding its function, the address of its data plus the addend, or its offset in the thread-local block.
 * Relocations whose value depends on what the module does not say (GOT entries, debug offsets) are counted as
 * unchecked. A relocation at a wrong offset, naming a wrong symbol, or a symbol table entry with a wrong index or
 * place, shows as a mismatch.
 */
final class EmittedRelocations {
  private static final RelocationRegistry REGISTRY = RelocationRegistry.standard();

  /** What a check found: how many entries were checked, left unchecked, and every mismatch in words. */
  record Report(int checked, int unchecked, List<String> mismatches) {}

  private final ObjectFile module;
  private final List<SymbolInfo> symbols;
  private final List<Long> segmentAddresses = new ArrayList<>();
  private final Map<Long, Integer> functionAtSlot = new HashMap<>();
  private int tlsSegment = -1;

  private EmittedRelocations(ObjectFile module) {
    this.module = module;
    this.symbols = module.linkingSubsections(LinkingSubsection.SymbolTable.class).stream()
        .flatMap(table -> table.symbols().stream()).toList();
    module.data().ifPresent(data -> data.segments().forEach(segment -> segmentAddresses.add(addressOf(segment))));
    module.elements().ifPresent(elements -> elements.segments().forEach(this::recordSlots));
    List<LinkingSubsection.Segment> infos = module.linkingSubsections(LinkingSubsection.SegmentInfo.class).stream()
        .flatMap(info -> info.segments().stream()).toList();
    for (int i = 0; i < infos.size(); i++) {
      if ((infos.get(i).flags() & SegmentFlags.TLS) != 0 || infos.get(i).name().startsWith(".tdata")) {
        tlsSegment = i;
      }
    }
  }

  /** Reads {@code bytes} as a module with a linking section and checks every code and data relocation. */
  static Report check(byte[] bytes, String name) {
    ObjectFile module = ObjectReader.read(ByteSlice.of(bytes), InputLocation.ofFile(name));
    return new EmittedRelocations(module).checkAll();
  }

  private Report checkAll() {
    int checked = 0;
    int unchecked = 0;
    List<String> mismatches = new ArrayList<>();
    for (ObjectFile.Relocations relocations : module.relocations()) {
      SectionHeader target = module.sections().get(relocations.section().targetSection());
      if (target.isCustom()) {
        continue;
      }
      byte[] payload = new byte[target.payload().length()];
      target.payload().copyTo(payload, 0);
      for (RelocationEntry entry : relocations.section().entries()) {
        RelocationKind kind = REGISTRY.byCode(entry.type()).kind();
        Long expected = expectedValue(kind, entry);
        if (expected == null) {
          unchecked++;
          continue;
        }
        checked++;
        long actual = read(kind.field(), payload, entry.offset());
        if (!matches(kind.field(), actual, expected)) {
          mismatches.add(String.format("%s at %s+0x%x against %s: the field holds %d, the symbol table says %d",
              kind.name(), target.name(), entry.offset(), describe(entry), actual, expected));
        }
      }
    }
    return new Report(checked, unchecked, mismatches);
  }

  /** What the field of {@code entry} must hold, or {@code null} when the module alone cannot say. */
  private Long expectedValue(RelocationKind kind, RelocationEntry entry) {
    long addend = entry.addend() == null ? 0 : entry.addend();
    switch (kind.rule()) {
      case TYPE_INDEX:
        return (long) entry.index();
      case FUNCTION_INDEX, TAG_INDEX, TABLE_NUMBER:
        return (long) indexOf(symbols.get(entry.index()));
      case GLOBAL_INDEX:
        // Against a data or function symbol the field names a GOT entry, which no symbol describes.
        return symbols.get(entry.index()) instanceof SymbolInfo.Global global ? (long) global.index() : null;
      case TABLE_SLOT:
        return slotOf(symbols.get(entry.index()));
      case MEMORY_ADDRESS:
        return addressOf(symbols.get(entry.index()), addend);
      case TLS_OFFSET:
        return tlsOffsetOf(symbols.get(entry.index()), addend);
      default:
        return null;
    }
  }

  private static int indexOf(SymbolInfo symbol) {
    if (symbol instanceof SymbolInfo.Function function) {
      return function.index();
    } else if (symbol instanceof SymbolInfo.Global global) {
      return global.index();
    } else if (symbol instanceof SymbolInfo.ExceptionTag tag) {
      return tag.index();
    } else if (symbol instanceof SymbolInfo.Table table) {
      return table.index();
    }
    throw new AssertionError("no index in " + symbol);
  }

  /** The slot holding the symbol's function; 0 for the trap standing for a weak function nothing defines. */
  private Long slotOf(SymbolInfo symbol) {
    int function = indexOf(symbol);
    for (Map.Entry<Long, Integer> slot : functionAtSlot.entrySet()) {
      if (slot.getValue() == function) {
        return slot.getKey();
      }
    }
    return symbol.name() != null && symbol.name().startsWith("undefined_weak:") ? 0L : -1L;
  }

  /** Its segment's address plus its offset and the addend; {@code null} in a passive segment (no address). */
  private Long addressOf(SymbolInfo symbol, long addend) {
    SymbolInfo.Data data = (SymbolInfo.Data) symbol;
    if (data.place() == null) {
      return addend;
    }
    if ((data.flags() & SymbolFlags.ABSOLUTE) != 0) {
      return data.place().offset() + addend;
    }
    Long segment = segmentAddresses.get(data.place().segment());
    return segment == null ? null : segment + data.place().offset() + addend;
  }

  private Long tlsOffsetOf(SymbolInfo symbol, long addend) {
    SymbolInfo.Data data = (SymbolInfo.Data) symbol;
    if (data.place() == null || data.place().segment() != tlsSegment) {
      return null;
    }
    return data.place().offset() + addend;
  }

  private static Long addressOf(DataSegment segment) {
    ConstExpr offset = null;
    if (segment instanceof DataSegment.Active active) {
      offset = active.offset();
    } else if (segment instanceof DataSegment.ActiveInMemory active) {
      offset = active.offset();
    }
    return offset instanceof ConstExpr.I32Const constant ? (long) constant.value() : null;
  }

  private void recordSlots(ElementSegment segment) {
    ConstExpr offset;
    List<Integer> functions;
    if (segment instanceof ElementSegment.ActiveFunctions active) {
      offset = active.offset();
      functions = active.functions();
    } else if (segment instanceof ElementSegment.ActiveTableFunctions active && active.table() == 0) {
      offset = active.offset();
      functions = active.functions();
    } else {
      return;
    }
    if (offset instanceof ConstExpr.I32Const constant) {
      for (int i = 0; i < functions.size(); i++) {
        functionAtSlot.put((long) constant.value() + i, functions.get(i));
      }
    }
  }

  private static long read(FieldEncoding field, byte[] payload, int offset) {
    switch (field) {
      case ULEB32:
        return PatchableFields.readUleb32(payload, offset);
      case SLEB32:
        return PatchableFields.readSleb32(payload, offset);
      case ULEB64:
        return PatchableFields.readUleb64(payload, offset);
      case SLEB64:
        return PatchableFields.readSleb64(payload, offset);
      case I32:
        return PatchableFields.readI32(payload, offset);
      default:
        return PatchableFields.readI64(payload, offset);
    }
  }

  /** A 32-bit field holds the value modulo 2^32, whichever way it is signed. */
  private static boolean matches(FieldEncoding field, long actual, long expected) {
    return field.isWide() ? actual == expected : (int) actual == (int) expected;
  }

  private String describe(RelocationEntry entry) {
    RelocationKind kind = REGISTRY.byCode(entry.type()).kind();
    if (kind.rule() == RelocationRule.TYPE_INDEX) {
      return "type " + entry.index();
    }
    SymbolInfo symbol = symbols.get(entry.index());
    return "symbol " + entry.index() + " <" + symbol.name() + ">"
        + (entry.addend() == null || entry.addend() == 0 ? "" : " + " + entry.addend());
  }
}
