package dev.wasmlink.linker.dump;

import dev.wasmlink.linker.input.SharedLibrary;
import dev.wasmlink.linker.object.ObjectFile;
import dev.wasmlink.linker.object.SectionHeader;
import dev.wasmlink.linker.object.SymbolKinds;
import dev.wasmlink.spec.format.ConstExpr;
import dev.wasmlink.spec.format.DataSegment;
import dev.wasmlink.spec.format.Export;
import dev.wasmlink.spec.format.Import;
import dev.wasmlink.spec.format.ImportDescriptor;
import dev.wasmlink.spec.format.LinkingSubsection;
import dev.wasmlink.spec.format.ProducersSection;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.SegmentFlags;
import dev.wasmlink.spec.format.SymbolFlags;
import dev.wasmlink.spec.format.SymbolInfo;
import dev.wasmlink.spec.format.TargetFeaturesSection;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what a linker sees in an object, in the spirit of {@code wasm-objdump -x -r}: sections with sizes, imports
 * and exports, data segments with their linking names, alignment and flags (TLS in particular), the symbol table,
 * init functions, comdats, target features, producers and every relocation with its type, offset, symbol and
 * addend.
 */
public final class ObjectDumper {
  private final PrintWriter out;
  private final RelocationRegistry registry;

  public ObjectDumper(PrintWriter out) {
    this.out = out;
    this.registry = RelocationRegistry.standard();
  }

  public void dump(ObjectFile object) {
    SymbolNames names = new SymbolNames(object);
    String kind = SharedLibrary.is(object) ? "position-independent wasm module (dylink.0)" : "wasm object";
    out.printf("%s: %s, %d sections%n", object.location().input(), kind, object.sections().size());
    printSections(object);
    printImports(object);
    printExports(object);
    printSegments(object);
    printSymbols(names);
    printInitFunctions(object, names);
    printComdats(object);
    printTargetFeatures(object);
    printProducers(object);
    printRelocations(object, names);
    out.println();
  }

  private void printSections(ObjectFile object) {
    out.println();
    out.println("Sections:");
    for (SectionHeader section : object.sections()) {
      String kind = section.isCustom() ? "custom " + quote(section.name()) : section.name();
      out.printf("  [%2d] %-28s offset=0x%06x size=%d%s%n", section.index(), kind, section.offset(),
          section.payload().length(), countOf(object, section));
    }
  }

  private static String countOf(ObjectFile object, SectionHeader section) {
    Integer count = switch (section.id()) {
      case 1 -> object.types().map(s -> s.types().size()).orElse(null);
      case 2 -> object.imports().map(s -> s.imports().size()).orElse(null);
      case 3 -> object.functions().map(s -> s.typeIndices().size()).orElse(null);
      case 4 -> object.tables().map(s -> s.tables().size()).orElse(null);
      case 5 -> object.memories().map(s -> s.memories().size()).orElse(null);
      case 6 -> object.globals().map(s -> s.globals().size()).orElse(null);
      case 7 -> object.exports().map(s -> s.exports().size()).orElse(null);
      case 9 -> object.elements().map(s -> s.segments().size()).orElse(null);
      case 10 -> object.code().map(s -> s.bodies().size()).orElse(null);
      case 11 -> object.data().map(s -> s.segments().size()).orElse(null);
      case 13 -> object.tags().map(s -> s.tags().size()).orElse(null);
      default -> null;
    };
    return count == null ? "" : " count=" + count;
  }

  private void printImports(ObjectFile object) {
    List<Import> imports = object.imports().map(s -> s.imports()).orElse(List.of());
    if (imports.isEmpty()) {
      return;
    }
    out.println();
    out.println("Imports:");
    for (int i = 0; i < imports.size(); i++) {
      Import entry = imports.get(i);
      out.printf("  [%d] %s %s.%s%n", i, describe(entry.descriptor()), entry.module(), entry.field());
    }
  }

  private static String describe(ImportDescriptor descriptor) {
    if (descriptor instanceof ImportDescriptor.FunctionImport function) {
      return "function type=" + function.typeIndex();
    } else if (descriptor instanceof ImportDescriptor.GlobalImport global) {
      return "global type=0x" + Integer.toHexString(global.global().valueType())
          + (global.global().isMutable() ? " mutable" : "");
    } else if (descriptor instanceof ImportDescriptor.MemoryImport memory) {
      return "memory min=" + memory.limits().minimum()
          + (memory.limits().maximum() != null ? " max=" + memory.limits().maximum() : "")
          + (memory.limits().isShared() ? " shared" : "");
    } else if (descriptor instanceof ImportDescriptor.TableImport table) {
      return "table type=0x" + Integer.toHexString(table.table().elementType()) + " min="
          + table.table().limits().minimum();
    }
    return "tag type=" + ((ImportDescriptor.TagImport) descriptor).typeIndex();
  }

  private void printExports(ObjectFile object) {
    List<Export> exports = object.exports().map(s -> s.exports()).orElse(List.of());
    if (exports.isEmpty()) {
      return;
    }
    out.println();
    out.println("Exports:");
    for (Export export : exports) {
      out.printf("  %s kind=%d index=%d%n", quote(export.name()), export.kind(), export.index());
    }
  }

  private void printSegments(ObjectFile object) {
    List<DataSegment> segments = object.data().map(s -> s.segments()).orElse(List.of());
    if (segments.isEmpty()) {
      return;
    }
    List<LinkingSubsection.Segment> infos = object.linkingSubsections(LinkingSubsection.SegmentInfo.class).stream()
        .flatMap(info -> info.segments().stream())
        .toList();
    out.println();
    out.println("Data segments:");
    for (int i = 0; i < segments.size(); i++) {
      DataSegment segment = segments.get(i);
      StringBuilder line = new StringBuilder(String.format("  [%d] size=%d", i, segment.bytes().length()));
      if (segment instanceof DataSegment.Active active) {
        line.append(" active offset=").append(describe(active.offset()));
      } else if (segment instanceof DataSegment.Passive) {
        line.append(" passive");
      } else {
        DataSegment.ActiveInMemory active = (DataSegment.ActiveInMemory) segment;
        line.append(" active memory=").append(active.memory()).append(" offset=").append(describe(active.offset()));
      }
      if (i < infos.size()) {
        LinkingSubsection.Segment info = infos.get(i);
        line.append(" name=").append(info.name())
            .append(" align=").append(1L << Math.min(info.alignmentLog2(), 62))
            .append(" flags=").append(segmentFlags(info.flags()));
      }
      out.println(line);
    }
  }

  private static String describe(ConstExpr expression) {
    if (expression instanceof ConstExpr.I32Const constant) {
      return "i32.const " + constant.value();
    } else if (expression instanceof ConstExpr.I64Const constant) {
      return "i64.const " + constant.value();
    } else if (expression instanceof ConstExpr.GlobalGet get) {
      return "global.get " + get.global();
    }
    return expression.toString();
  }

  private static String segmentFlags(int flags) {
    List<String> names = new ArrayList<>();
    if ((flags & SegmentFlags.STRINGS) != 0) {
      names.add("STRINGS");
    }
    if ((flags & SegmentFlags.TLS) != 0) {
      names.add("TLS");
    }
    if ((flags & SegmentFlags.RETAIN) != 0) {
      names.add("RETAIN");
    }
    int unknown = flags & ~(SegmentFlags.STRINGS | SegmentFlags.TLS | SegmentFlags.RETAIN);
    if (unknown != 0) {
      names.add("0x" + Integer.toHexString(unknown));
    }
    return names.isEmpty() ? "none" : String.join("|", names);
  }

  private void printSymbols(SymbolNames names) {
    List<SymbolInfo> symbols = names.symbols();
    if (symbols.isEmpty()) {
      return;
    }
    out.println();
    out.println("Symbols:");
    for (int i = 0; i < symbols.size(); i++) {
      SymbolInfo symbol = symbols.get(i);
      out.printf("  [%d] %-8s %s flags=%s %s%n", i, SymbolKinds.name(symbol), quote(names.name(i)),
          symbolFlags(symbol.flags()), where(symbol));
    }
  }


  private static String where(SymbolInfo symbol) {
    if (symbol instanceof SymbolInfo.Function function) {
      return "function=" + function.index();
    } else if (symbol instanceof SymbolInfo.Global global) {
      return "global=" + global.index();
    } else if (symbol instanceof SymbolInfo.Table table) {
      return "table=" + table.index();
    } else if (symbol instanceof SymbolInfo.ExceptionTag tag) {
      return "tag=" + tag.index();
    } else if (symbol instanceof SymbolInfo.Section section) {
      return "section=" + section.section();
    }
    SymbolInfo.Data data = (SymbolInfo.Data) symbol;
    return data.place() == null
        ? ""
        : "segment=" + data.place().segment() + " offset=" + data.place().offset() + " size=" + data.place().size();
  }

  private static String symbolFlags(int flags) {
    List<String> names = new ArrayList<>();
    names.add((flags & SymbolFlags.BINDING_WEAK) != 0 ? "weak" : (flags & SymbolFlags.BINDING_LOCAL) != 0 ? "local"
        : "global");
    if ((flags & SymbolFlags.VISIBILITY_HIDDEN) != 0) {
      names.add("hidden");
    }
    String[] bits = {"undefined", "exported", "explicit-name", "no-strip", "tls", "absolute"};
    int[] masks = {SymbolFlags.UNDEFINED, SymbolFlags.EXPORTED, SymbolFlags.EXPLICIT_NAME, SymbolFlags.NO_STRIP,
        SymbolFlags.TLS, SymbolFlags.ABSOLUTE};
    for (int i = 0; i < bits.length; i++) {
      if ((flags & masks[i]) != 0) {
        names.add(bits[i]);
      }
    }
    return String.format("0x%x[%s]", flags, String.join(",", names));
  }

  private void printInitFunctions(ObjectFile object, SymbolNames names) {
    List<LinkingSubsection.InitFunction> functions =
        object.linkingSubsections(LinkingSubsection.InitFunctions.class).stream()
            .flatMap(init -> init.functions().stream())
            .toList();
    if (functions.isEmpty()) {
      return;
    }
    out.println();
    out.println("Init functions:");
    for (LinkingSubsection.InitFunction function : functions) {
      out.printf("  priority=%d symbol=%d %s%n", function.priority(), function.symbol(),
          quote(names.name(function.symbol())));
    }
  }

  private void printComdats(ObjectFile object) {
    List<LinkingSubsection.Comdat> comdats = object.linkingSubsections(LinkingSubsection.ComdatInfo.class).stream()
        .flatMap(info -> info.comdats().stream())
        .toList();
    if (comdats.isEmpty()) {
      return;
    }
    out.println();
    out.println("Comdats:");
    String[] kinds = {"data", "function", "global", "tag", "table", "section"};
    for (LinkingSubsection.Comdat comdat : comdats) {
      List<String> members = new ArrayList<>();
      for (LinkingSubsection.ComdatMember member : comdat.members()) {
        String kind = member.kind() < kinds.length ? kinds[member.kind()] : "kind" + member.kind();
        members.add(kind + " " + member.index());
      }
      out.printf("  %s: %s%n", quote(comdat.name()), String.join(", ", members));
    }
  }

  private void printTargetFeatures(ObjectFile object) {
    object.targetFeatures().ifPresent(features -> {
      List<String> entries = new ArrayList<>();
      for (TargetFeaturesSection.Feature feature : features.features()) {
        entries.add((char) feature.prefix() + feature.name());
      }
      out.println();
      out.println("Target features: " + String.join(" ", entries));
    });
  }

  private void printProducers(ObjectFile object) {
    object.producers().ifPresent(producers -> {
      out.println();
      out.println("Producers:");
      for (ProducersSection.Field field : producers.fields()) {
        List<String> values = new ArrayList<>();
        for (ProducersSection.Value value : field.values()) {
          values.add(value.version().isEmpty() ? value.name() : value.name() + " " + value.version());
        }
        out.printf("  %s: %s%n", field.name(), String.join(", ", values));
      }
    });
  }

  private void printRelocations(ObjectFile object, SymbolNames names) {
    List<ObjectFile.Relocations> all = object.relocations();
    if (all.isEmpty()) {
      return;
    }
    out.println();
    out.println("Relocations:");
    for (ObjectFile.Relocations relocations : all) {
      int target = relocations.section().targetSection();
      String targetName = target < object.sections().size() ? object.sections().get(target).name() : "?";
      out.printf("  %s: section %d (%s), %d entries%n", relocations.header().name(), target, targetName,
          relocations.section().entries().size());
      for (RelocationEntry entry : relocations.section().entries()) {
        out.println("    " + describe(entry, names));
      }
    }
  }

  private String describe(RelocationEntry entry, SymbolNames names) {
    RelocationHandler handler = registry.byCode(entry.type());
    String type = handler == null ? "type " + entry.type() : handler.kind().name();
    StringBuilder line = new StringBuilder(String.format("%-30s offset=0x%06x ", type, entry.offset()));
    if (handler != null && handler.kind().target() == RelocationTarget.TYPE) {
      line.append("type=").append(entry.index());
    } else {
      line.append("symbol=").append(entry.index()).append(' ').append(quote(names.name(entry.index())));
    }
    if (entry.addend() != null) {
      line.append(entry.addend() < 0 ? " - " + -entry.addend() : " + " + entry.addend());
    }
    return line.toString();
  }

  private static String quote(String name) {
    return "<" + name + ">";
  }
}
