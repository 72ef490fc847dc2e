package dev.wasmlink.tests.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.tests.corpus.Tools;
import dev.wasmlink.tests.link.LinkHarness.Build;
import dev.wasmlink.tests.link.LinkHarness.Link;
import dev.wasmlink.tests.link.ModuleSummary.ElementSegment;
import dev.wasmlink.tests.link.ModuleSummary.Export;
import dev.wasmlink.tests.link.ModuleSummary.Global;
import dev.wasmlink.tests.link.ModuleSummary.Memory;
import dev.wasmlink.tests.link.ModuleSummary.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ModuleSummary} read from modules wasm-ld-19 links (and one wabt assembles), checked against facts that follow
 * from the link flags and from the data section layout, so that the parser is trusted before wasmlink can link.
 */
class ModuleSummaryTest {
  private static final int PAGE = 65536;
  private static final int DEFAULT_STACK = 65536;

  private static Build printf() {
    return LinkHarness.build(ProgramManifest.program("printf"));
  }

  /** Links printf with wasm-ld-19 and the extra flags into {@code name}. */
  private static Path linkPrintf(String name, String... extraFlags) {
    Build build = printf();
    Path output = build.directory().resolve(name);
    Link link = LinkHarness.linkReference(build, output, List.of(extraFlags));
    assertTrue(link.clean(), link::describe);
    return output;
  }

  private static String objdump(Path module) {
    return Tools.output(List.of(Tools.require("wasm-objdump", "wabt").toString(), "-x", module.toString()));
  }

  /** The initial value of the immutable i32 global with this name, e.g. __data_end exported with --export. */
  private static long globalValue(ModuleSummary summary, String name) {
    Global global = summary.globals().stream().filter(g -> name.equals(g.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no global " + name + " in " + summary.globals()));
    assertEquals(new Global(false, "i32", false, name, global.init()), global);
    assertTrue(global.init().startsWith("i32="), global.init());
    return Long.parseLong(global.init().substring("i32=".length()));
  }

  /** __data_end (the end of data and bss) of printf linked with the flags: exporting it does not move anything. */
  private static long dataEnd(String name, String... extraFlags) {
    List<String> flags = new ArrayList<>(List.of(extraFlags));
    flags.add("--export=__data_end");
    return globalValue(LinkHarness.summarize(linkPrintf(name, flags.toArray(String[]::new))), "__data_end");
  }

  private static long stackPointerInit(ModuleSummary summary) {
    Global stackPointer = summary.stackPointer();
    assertNotNull(stackPointer, "__stack_pointer is named in the name section");
    assertTrue(stackPointer.init().startsWith("i32="), stackPointer.init());
    return Long.parseLong(stackPointer.init().substring("i32=".length()));
  }

  @Test
  void defaultCommandModuleAsWasmLd19LinksIt() {
    Build build = printf();
    Link link = LinkHarness.linkReference(build);
    assertTrue(link.clean(), link::describe);
    String text = objdump(build.reference());
    ModuleSummary summary = ModuleSummary.parse(text);

    assertEquals(List.of(new Export("memory", "memory"), new Export("func", "_start")), summary.exports());
    assertTrue(text.contains("<_start.command_export> -> \"_start\""),
        "wasm-ld-19 exports a synthetic _start.command_export wrapper as _start");

    assertEquals(1, summary.globals().size(), summary.globals().toString());
    Global stackPointer = summary.globals().get(0);
    assertEquals(new Global(false, "i32", true, "__stack_pointer", stackPointer.init()), stackPointer);
    assertEquals(stackPointer, summary.stackPointer());
    // Data and bss from 1024 up to __data_end, then the 64 KiB stack growing down from __stack_pointer; the heap
    // starts there, and the memory's initial size covers everything below the heap.
    long sp = stackPointerInit(summary);
    assertEquals(align(dataEnd("data-end.wasm"), 16) + DEFAULT_STACK, sp,
        "__stack_pointer = align16(__data_end) + 64 KiB");

    assertEquals(List.of(new Memory(false, (sp + PAGE - 1) / PAGE, null, false, false)), summary.memories());

    assertEquals(1, summary.elementSegments().size());
    ElementSegment segment = summary.elementSegments().get(0);
    assertEquals(new ElementSegment(0, 0, segment.count(), "i32=1"), segment, "active, at table offset 1");
    assertTrue(segment.count() > 0);
    long tableSize = segment.count() + 1L;
    assertEquals(List.of(new Table(false, "funcref", tableSize, tableSize)), summary.tables(),
        "slot 0 stays null; the table cannot grow");

    assertEquals(String.join("\n",
        "export func \"_start\"",
        "export memory \"memory\"",
        "memory initial=" + (sp + PAGE - 1) / PAGE + " max=none unshared",
        "table funcref initial=" + tableSize + " max=" + tableSize,
        "global[0] i32 mutable",
        "__stack_pointer init i32=" + sp,
        "element segments: 1",
        "element segment[0] count=" + segment.count(),
        ""), summary.structure());
  }

  @Test
  void stackSizeAndStackFirstMoveTheStackPointer() {
    ModuleSummary bigStack = LinkHarness.summarize(linkPrintf("big-stack.wasm", "-z", "stack-size=262144"));
    long sp = stackPointerInit(bigStack);
    assertEquals(align(dataEnd("big-stack-data-end.wasm", "-z", "stack-size=262144"), 16) + 262144, sp);
    assertEquals((sp + PAGE - 1) / PAGE, bigStack.memories().get(0).initial());

    ModuleSummary stackFirst = LinkHarness.summarize(linkPrintf("stack-first.wasm", "--stack-first",
        "--export=__data_end", "--export=__heap_base"));
    assertEquals(DEFAULT_STACK, stackPointerInit(stackFirst), "the stack occupies [0, 64 KiB)");
    assertTrue(globalValue(stackFirst, "__data_end") > DEFAULT_STACK, "data follows the stack");
    assertEquals(align(globalValue(stackFirst, "__data_end"), 16), globalValue(stackFirst, "__heap_base"));

    Path defaults = linkPrintf("defaults.wasm");
    assertNotEquals(LinkHarness.summarize(defaults).structure(), bigStack.structure(),
        "the comparison notices a different stack size");
    assertEquals(LinkHarness.summarize(defaults).structure(), LinkHarness.summarize(defaults).structure());
  }

  @Test
  void memoryLimitsExportsAndTableFlags() {
    ModuleSummary summary = LinkHarness.summarize(linkPrintf("flags.wasm", "--initial-memory=1048576",
        "--max-memory=2097152", "--export-table", "--growable-table", "--export=__heap_base",
        "--export=__data_end"));
    assertEquals(List.of(new Memory(false, 16, 32L, false, false)), summary.memories());
    assertEquals(Set.of(new Export("memory", "memory"), new Export("table", "__indirect_function_table"),
        new Export("func", "_start"), new Export("global", "__heap_base"), new Export("global", "__data_end")),
        Set.copyOf(summary.exports()));
    assertNull(summary.tables().get(0).max(), "--growable-table drops the maximum");
    assertEquals(3, summary.globals().size(), summary.globals().toString());
    long heapBase = globalValue(summary, "__heap_base");
    assertEquals(stackPointerInit(summary), heapBase, "the heap starts where the stack starts growing down");
    assertTrue(globalValue(summary, "__data_end") < heapBase);
    assertTrue(summary.structure().contains("global[1] i32 immutable\nglobal[2] i32 immutable\n"),
        summary.structure());
  }

  @Test
  void importedMemory() {
    ModuleSummary summary = LinkHarness.summarize(linkPrintf("import-memory.wasm", "--import-memory"));
    assertEquals(1, summary.memories().size());
    assertTrue(summary.memories().get(0).imported());
    assertFalse(summary.exports().contains(new Export("memory", "memory")), "an imported memory is not exported");
    assertTrue(summary.structure().contains("memory imported initial="), summary.structure());
  }

  @Test
  void sharedMemoryFromAtomicsObject() throws Exception {
    Path directory = LinkHarness.buildRoot().resolve("module-summary");
    Files.createDirectories(directory);
    Path source = directory.resolve("counter.c");
    Files.writeString(source, "int counter;\nint bump(void) { return __atomic_add_fetch(&counter, 1, 5); }\n");
    Path object = directory.resolve("counter.o");
    Tools.output(List.of(Tools.require("clang-19", "clang-19").toString(), "--target=wasm32", "-O1", "-c",
        "-matomics", "-mbulk-memory", source.toString(), "-o", object.toString()));
    Path module = directory.resolve("shared.wasm");
    Link link = LinkHarness.link(Tools.require("wasm-ld-19", "lld-19").toString(), List.of("--no-entry",
        "--export=bump", "--shared-memory", "--max-memory=1048576", object.toString(), "-o", module.toString()),
        module);
    assertTrue(link.clean(), link::describe);
    ModuleSummary summary = LinkHarness.summarize(module);
    Memory memory = summary.memories().get(0);
    assertTrue(memory.shared());
    assertEquals(16L, memory.max());
    assertTrue(summary.structure().contains(" max=16 shared\n"), summary.structure());
    assertTrue(summary.exports().contains(new Export("func", "bump")));
  }

  @Test
  void importsAndEveryElementSegmentKindFromWabt() throws Exception {
    Path directory = LinkHarness.buildRoot().resolve("module-summary");
    Files.createDirectories(directory);
    Path wat = directory.resolve("kinds.wat");
    Files.writeString(wat, """
        (module
          (import "env" "memory" (memory 2 10 shared))
          (import "env" "g" (global $g (mut i32)))
          (import "env" "t" (table 1 funcref))
          (table $t2 3 externref)
          (global $h i64 (i64.const 5))
          (func $f)
          (elem declare func $f)
          (elem (table 0) (i32.const 0) func $f $f)
          (elem funcref (ref.func $f))
          (export "g" (global $g))
          (export "t" (table 0))
          (export "m" (memory 0))
          (export "f" (func $f)))
        """);
    Path module = directory.resolve("kinds.wasm");
    Tools.output(List.of(Tools.require("wat2wasm", "wabt").toString(), "--enable-threads", wat.toString(), "-o",
        module.toString()));
    ModuleSummary summary = LinkHarness.summarize(module);
    assertEquals(List.of(new Export("global", "g"), new Export("table", "t"), new Export("memory", "m"),
        new Export("func", "f")), summary.exports());
    assertEquals(List.of(new Memory(true, 2, 10L, true, false)), summary.memories());
    assertEquals(List.of(new Table(true, "funcref", 1, null), new Table(false, "externref", 3, null)),
        summary.tables());
    assertEquals(List.of(new Global(true, "i32", true, null, null), new Global(false, "i64", false, null, "i64=5")),
        summary.globals());
    assertEquals(List.of(new ElementSegment(3, 0, 1, null), new ElementSegment(0, 0, 2, "i32=0"),
        new ElementSegment(1, 0, 1, null)), summary.elementSegments());
    assertTrue(summary.structure().contains("__stack_pointer (no global has this name)"), summary.structure());
  }

  private static long align(long value, long alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }
}
