package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure of a linked module as {@code wasm-objdump -x} (wabt 1.0.32) prints it: exports, memories, tables,
 * globals and element segments, from the Import, Memory, Table, Global, Export and Elem sections. Other sections,
 * and the same names repeated in the {@code name} custom section, are ignored.
 *
 * <p>{@link #structure()} renders the parts two linkers must agree on as text, so that a failing comparison shows a
 * readable diff.
 */
public record ModuleSummary(List<Export> exports, List<Memory> memories, List<Table> tables, List<Global> globals,
    List<ElementSegment> elementSegments) {

  /** {@code - func[48] <_start.command_export> -> "_start"}: kind is func, table, memory, global or tag. */
  public record Export(String kind, String name) {}

  /** A memory's limits in 64 KiB pages; {@code max} is null when there is none. */
  public record Memory(boolean imported, long initial, Long max, boolean shared, boolean is64) {}

  /** A table's element type and limits; {@code max} is null when there is none. */
  public record Table(boolean imported, String type, long initial, Long max) {}

  /** A global's value type and mutability; name from the name section (or null), init expression (null if imported). */
  public record Global(boolean imported, String type, boolean mutable, String name, String init) {}

  /** {@code - segment[0] flags=0 table=0 count=4 - init i32=1}; init is null for passive and declared segments. */
  public record ElementSegment(int flags, int table, int count, String init) {}

  public static final String STACK_POINTER = "__stack_pointer";

  private static final Pattern SECTION = Pattern.compile("^(\\w+)(?:\\[(\\d+)\\])?:$");
  private static final Pattern NAME = Pattern.compile("^ <([^>]*)>");
  private static final Pattern IMPORT_FROM = Pattern.compile(" <- ([^ ]+)$");
  private static final Pattern EXPORT = Pattern.compile("^ - (\\w+)\\[\\d+\\](?: <[^>]*>)? -> \"(.*)\"$");
  private static final Pattern MEMORY = Pattern.compile(
      "^ - memory\\[\\d+\\] pages: initial=(\\d+)( max=(\\d+))?( shared)?( i64)?$");
  private static final Pattern TABLE = Pattern.compile("^ - table\\[\\d+\\] type=(\\w+) initial=(\\d+)( max=(\\d+))?$");
  private static final Pattern GLOBAL = Pattern.compile("^ - global\\[\\d+\\] (\\w+) mutable=([01])(.*)$");
  private static final Pattern ELEMENT_SEGMENT = Pattern.compile(
      "^ - segment\\[\\d+\\] (?:passive |declared )?flags=(\\d+) table=(\\d+) count=(\\d+)(?: - init (.*))?$");

  /** Parses {@code wasm-objdump -x} output. */
  public static ModuleSummary parse(String objdump) {
    if (!objdump.contains("file format wasm 0x1")) {
      return fail("not wasm-objdump -x output of a wasm module:\n" + objdump);
    }
    List<Export> exports = new ArrayList<>();
    List<Memory> memories = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    List<Global> globals = new ArrayList<>();
    List<ElementSegment> segments = new ArrayList<>();
    String section = "";
    for (String line : objdump.lines().toList()) {
      Matcher header = SECTION.matcher(line);
      if (header.matches()) {
        section = header.group(1);
        continue;
      }
      if (!line.startsWith(" - ")) {
        continue; // blank lines, element and data listings ("  - elem[1] = ..."), file headers
      }
      switch (section) {
        case "Import" -> parseImport(line, memories, tables, globals);
        case "Memory" -> memories.add(memory(line, false));
        case "Table" -> tables.add(table(line, false));
        case "Global" -> globals.add(global(line, false));
        case "Export" -> {
          Matcher m = matchOrFail(EXPORT, line);
          exports.add(new Export(m.group(1), m.group(2)));
        }
        case "Elem" -> {
          Matcher m = matchOrFail(ELEMENT_SEGMENT, line);
          segments.add(new ElementSegment(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)), m.group(4)));
        }
        default -> {}
      }
    }
    return new ModuleSummary(List.copyOf(exports), List.copyOf(memories), List.copyOf(tables), List.copyOf(globals),
        List.copyOf(segments));
  }

  private static void parseImport(String line, List<Memory> memories, List<Table> tables, List<Global> globals) {
    Matcher from = IMPORT_FROM.matcher(line);
    if (!from.find()) {
      fail("import without a source module and name: " + line);
    }
    String definition = line.substring(0, from.start());
    if (definition.startsWith(" - memory[")) {
      memories.add(memory(definition, true));
    } else if (definition.startsWith(" - table[")) {
      tables.add(table(definition, true));
    } else if (definition.startsWith(" - global[")) {
      globals.add(global(definition, true));
    }
  }

  private static Memory memory(String line, boolean imported) {
    Matcher m = matchOrFail(MEMORY, line);
    return new Memory(imported, Long.parseLong(m.group(1)), m.group(3) == null ? null : Long.parseLong(m.group(3)),
        m.group(4) != null, m.group(5) != null);
  }

  private static Table table(String line, boolean imported) {
    Matcher m = matchOrFail(TABLE, line);
    return new Table(imported, m.group(1), Long.parseLong(m.group(2)),
        m.group(4) == null ? null : Long.parseLong(m.group(4)));
  }

  private static Global global(String line, boolean imported) {
    Matcher m = matchOrFail(GLOBAL, line);
    String rest = m.group(3);
    String name = null;
    Matcher named = NAME.matcher(rest);
    if (named.find()) {
      name = named.group(1);
      rest = rest.substring(named.end());
    }
    String init = null;
    if (rest.startsWith(" - init ")) {
      init = rest.substring(" - init ".length());
    } else if (!rest.isEmpty()) {
      fail("cannot read the rest of a global: '" + rest + "' in " + line);
    }
    if (!imported && init == null) {
      fail("a defined global without an init expression: " + line);
    }
    return new Global(imported, m.group(1), m.group(2).equals("1"), name, init);
  }

  private static Matcher matchOrFail(Pattern pattern, String line) {
    Matcher matcher = pattern.matcher(line);
    if (!matcher.matches()) {
      fail("unexpected wasm-objdump line (expected " + pattern + "): " + line);
    }
    return matcher;
  }

  /** The global named {@code __stack_pointer} in the name section, or null. */
  public Global stackPointer() {
    return globals.stream().filter(g -> STACK_POINTER.equals(g.name())).findFirst().orElse(null);
  }

  /**
   * What two linkers of the same inputs must agree on, one fact per line: export names and kinds (sorted), memories
   * (limits, shared), tables (type, limits), globals in order (type, mutability, imported or not), the initial value
   * of {@code __stack_pointer}, and each element segment's count.
   */
  public String structure() {
    StringBuilder text = new StringBuilder();
    exports.stream().map(e -> "export " + e.kind() + " \"" + e.name() + "\"").sorted()
        .forEach(line -> text.append(line).append('\n'));
    for (Memory memory : memories) {
      text.append("memory").append(memory.imported() ? " imported" : "").append(" initial=").append(memory.initial())
          .append(" max=").append(memory.max() == null ? "none" : memory.max())
          .append(memory.shared() ? " shared" : " unshared").append(memory.is64() ? " i64" : "").append('\n');
    }
    for (Table table : tables) {
      text.append("table").append(table.imported() ? " imported" : "").append(' ').append(table.type())
          .append(" initial=").append(table.initial()).append(" max=").append(table.max() == null ? "none" : table.max())
          .append('\n');
    }
    for (int i = 0; i < globals.size(); i++) {
      Global global = globals.get(i);
      text.append("global[").append(i).append("] ").append(global.imported() ? "imported " : "").append(global.type())
          .append(global.mutable() ? " mutable" : " immutable").append('\n');
    }
    Global stackPointer = stackPointer();
    text.append(STACK_POINTER).append(' ').append(stackPointer == null ? "(no global has this name)"
        : stackPointer.imported() ? "imported" : "init " + stackPointer.init()).append('\n');
    text.append("element segments: ").append(elementSegments.size()).append('\n');
    for (int i = 0; i < elementSegments.size(); i++) {
      text.append("element segment[").append(i).append("] count=").append(elementSegments.get(i).count()).append('\n');
    }
    return text.toString();
  }
}
