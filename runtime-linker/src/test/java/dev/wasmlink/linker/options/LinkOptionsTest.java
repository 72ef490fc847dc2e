package dev.wasmlink.linker.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model built in code: defaults, what the builder derives, immutability. */
class LinkOptionsTest {

  @Test
  void defaultsAreLlds() {
    LinkOptions o = LinkOptions.defaults();

    assertEquals("_start", o.entry());
    assertEquals(Path.of("a.out"), o.output());
    assertFalse(o.outputSpecified());
    assertTrue(o.exportMemory());
    assertEquals("memory", o.memoryExportName());
    assertTrue(o.gcSections());
    assertTrue(o.demangle());
    assertEquals(1, o.optimization());
    assertEquals(LinkOptions.DEFAULT_STACK_SIZE, o.stackSize());
  }

  @Test
  void builderDerivesWhatLldDerives() {
    LinkOptions o = LinkOptions.builder().shared(true).build();
    assertEquals("__wasm_call_ctors", o.entry());
    assertTrue(o.importMemory());
    assertFalse(o.importMemoryExplicit());
    assertFalse(o.exportMemory());
    assertTrue(o.exportDynamic());
    assertTrue(o.importTable());
    assertFalse(o.importTableExplicit());

    LinkOptions r = LinkOptions.builder().relocatable(true).build();
    assertNull(r.entry());
    assertFalse(r.gcSections());
    assertFalse(r.mergeDataSegments());
    assertEquals(0, r.globalBaseOrDefault());

    LinkOptions allow = LinkOptions.builder().unresolvedSymbols(UnresolvedSymbols.IMPORT_DYNAMIC)
        .allowUndefined(true).build();
    assertEquals(UnresolvedSymbols.IGNORE_ALL, allow.unresolvedSymbols());
    assertTrue(allow.importUndefined());

    LinkOptions imported = LinkOptions.builder().importMemory("js", "mem").exportMemory("m").build();
    assertEquals("js", imported.memoryImportModule());
    assertEquals("mem", imported.memoryImportName());
    assertTrue(imported.exportMemory());
    assertEquals("m", imported.memoryExportName());
  }

  @Test
  void entryAndNoEntryCancelEachOther() {
    assertNull(LinkOptions.builder().entry("main").noEntry(true).build().entry());
    assertEquals("main", LinkOptions.builder().noEntry(true).entry("main").build().entry());
    assertFalse(LinkOptions.builder().noEntry(true).entry("main").build().noEntry());
  }

  @Test
  void builderMatchesTheParser() {
    LinkOptions built = LinkOptions.builder()
        .addFile("x.o")
        .addLibrary("c")
        .addLibrarySearchPath(Path.of("/lib"))
        .output(Path.of("x.wasm"))
        .noEntry(true)
        .addExport("main")
        .importMemory(true)
        .zStackSize(1024L)
        .addZOption("stack-size=1024")
        .rspQuoting(ResponseFiles.Quoting.POSIX)
        .build();

    LinkOptions parsed = WasmLdCommandLine.parse(List.of("--rsp-quoting=posix", "x.o", "-lc", "-L/lib", "-o",
        "x.wasm", "--no-entry", "--export=main", "--import-memory", "-z", "stack-size=1024"));

    assertEquals(parsed, built);
  }

  @Test
  void listsAreImmutable() {
    LinkOptions o = LinkOptions.builder().addFile("x.o").addExport("a").build();

    assertThrows(UnsupportedOperationException.class, () -> o.inputs().add(FileInput.of("y.o")));
    assertThrows(UnsupportedOperationException.class, () -> o.exports().add("b"));
    assertThrows(UnsupportedOperationException.class, () -> o.allowedUndefinedSymbols().add("b"));
  }

  @Test
  void toBuilderCopies() {
    LinkOptions o = LinkOptions.builder().addFile("x.o").build();
    LinkOptions more = o.toBuilder().addFile("y.o").build();

    assertEquals(1, o.inputs().size());
    assertEquals(2, more.inputs().size());
  }

  @Test
  void inputRecords() {
    assertEquals(new FileInput(Path.of("a.o"), false, false), FileInput.of("a.o"));
    assertFalse(new LibraryInput("c", false).exactFileName());
    assertEquals("-lc", new LibraryInput("c", true).spelling());
    assertTrue(new LibraryInput("c", true).wholeArchive());
    assertThrows(NullPointerException.class, () -> new FileInput(null, false, false));
    assertEquals(UnresolvedSymbols.IMPORT_DYNAMIC, UnresolvedSymbols.fromFlagValue("import-dynamic"));
    assertNull(UnresolvedSymbols.fromFlagValue("import-all"));
    assertEquals("ignore-all", UnresolvedSymbols.IGNORE_ALL.flagValue());
  }
}
