package dev.wasmlink.tests.extension;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.extension.example.ExperimentalRelocationTable;
import dev.wasmlink.extension.example.TableIndexUlebHandler;
import dev.wasmlink.spec.format.RelocationEntry;
import dev.wasmlink.spec.format.RelocationSection;
import dev.wasmlink.spec.format.RelocationSectionDecoder;
import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.ByteWriter;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationException;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationResolver;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationSite;
import dev.wasmlink.spec.reloc.RelocationTable;
import dev.wasmlink.spec.reloc.RelocationTarget;
import dev.wasmlink.spec.reloc.SymbolFacts;
import dev.wasmlink.spec.wasm.WasmRelocationTable;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The relocation-extension jar declares one made-up kind (code 200, {@code R_WASMLINK_TABLE_INDEX_ULEB}) and nothing
 * else; the linker and spec modules know nothing of it. These tests show that having the jar on the class path is
 * enough for the kind to be looked up, applied and decoded, and that without the jar the kind is unknown.
 */
class ExtensionCatalogueTest {
  private static final int EXTENSION_CODE = 200;
  private static final String EXTENSION_NAME = "R_WASMLINK_TABLE_INDEX_ULEB";
  private static final int STANDARD_KINDS = 28;

  // --- discovery ---------------------------------------------------------------------------------------------------

  @Test
  void standardRegistryFindsTheExtensionKindByCodeAndByName() {
    RelocationRegistry registry = RelocationRegistry.standard();

    RelocationHandler byCode = registry.byCode(EXTENSION_CODE);
    assertNotNull(byCode, "code 200 should be found through the extension jar's service file");
    assertSame(byCode, registry.byName(EXTENSION_NAME));
    assertTrue(byCode instanceof TableIndexUlebHandler, byCode.getClass().getName());

    RelocationKind kind = byCode.kind();
    assertAll(
        () -> assertEquals(EXTENSION_CODE, kind.code()),
        () -> assertEquals(EXTENSION_NAME, kind.name()),
        () -> assertEquals(FieldEncoding.ULEB32, kind.field()),
        () -> assertFalse(kind.hasAddend()),
        () -> assertEquals(RelocationTarget.FUNCTION, kind.target()),
        () -> assertEquals(RelocationRule.TABLE_SLOT, kind.rule()),
        () -> assertFalse(kind.tlsOnly()),
        () -> assertFalse(kind.picOnly()),
        () -> assertFalse(kind.forbiddenAgainstTls()),
        () -> assertEquals(Set.of(PatchedSection.CODE), kind.allowedIn()),
        () -> assertTrue(kind.summary().startsWith("made-up kind"), kind.summary()));
  }

  @Test
  void standardRegistryStillHasEveryStandardKind() {
    RelocationRegistry registry = RelocationRegistry.standard();
    WasmRelocationTable wasm = new WasmRelocationTable();
    assertEquals(STANDARD_KINDS, wasm.handlers().size());
    for (int code = 0; code < STANDARD_KINDS; code++) {
      RelocationHandler handler = registry.byCode(code);
      assertNotNull(handler, "standard code " + code + " is missing");
      assertEquals(code, handler.kind().code());
      assertEquals(wasm.byCode(code).getClass(), handler.getClass());
      assertSame(handler, registry.byName(handler.kind().name()));
      assertTrue(handler.kind().name().startsWith("R_WASM_"), handler.kind().name());
    }
    // Codes between the standard ones and the extension's are gaps, not errors.
    assertNull(registry.byCode(STANDARD_KINDS));
    assertNull(registry.byCode(EXTENSION_CODE - 1));
    assertNull(registry.byCode(EXTENSION_CODE + 1));
    assertNull(registry.byCode(-1));
    assertNull(registry.byName("R_WASMLINK_NO_SUCH_KIND"));
  }

  @Test
  void handlersAreListedInCodeOrder() {
    List<RelocationHandler> handlers = RelocationRegistry.standard().handlers();
    int[] codes = handlers.stream().mapToInt(handler -> handler.kind().code()).toArray();
    for (int i = 1; i < codes.length; i++) {
      assertTrue(codes[i - 1] < codes[i], "not in code order: " + Arrays.toString(codes));
    }
    for (int code = 0; code < STANDARD_KINDS; code++) {
      assertEquals(code, codes[code], "standard kinds come first: " + Arrays.toString(codes));
    }
    assertTrue(
        Arrays.stream(codes).anyMatch(code -> code == EXTENSION_CODE),
        "extension kind not listed: " + Arrays.toString(codes));
    assertEquals(EXTENSION_CODE, codes[STANDARD_KINDS], "the extension kind follows the standard ones");
  }

  // --- applying the extension's handler ----------------------------------------------------------------------------

  @Test
  void extensionHandlerWritesAPaddedUlebAndReadsItBack() {
    RelocationHandler handler = RelocationRegistry.standard().byCode(EXTENSION_CODE);
    RelocationSite site = codeSite(0x10);
    byte[] code = new byte[12];
    Arrays.fill(code, (byte) 0xEE);
    int position = 3;

    handler.apply(site, new FakeResolver(300), code, position);

    // 300 = 0b10_0101100: 0x2C with continuation, then 0x02, padded with 0x80 0x80 to five bytes, ending in 0x00.
    byte[] expected = {(byte) 0xAC, (byte) 0x82, (byte) 0x80, (byte) 0x80, 0x00};
    assertArrayEqualsAt(expected, code, position);
    assertEquals((byte) 0xEE, code[position - 1], "byte before the field untouched");
    assertEquals((byte) 0xEE, code[position + 5], "byte after the field untouched");
    assertEquals(300, handler.read(code, position));
    assertEquals(300, handler.value(site, new FakeResolver(300)));
  }

  @Test
  void extensionHandlerRefusesAValueThatDoesNotFit() {
    RelocationHandler handler = RelocationRegistry.standard().byCode(EXTENSION_CODE);
    RelocationSite site = codeSite(0x2a);
    byte[] code = new byte[8];

    RelocationException e =
        assertThrows(RelocationException.class, () -> handler.apply(site, new FakeResolver(-1), code, 1));

    assertEquals(RelocationException.Problem.VALUE_OUT_OF_RANGE, e.problem());
    assertSame(handler.kind(), e.kind());
    assertEquals(site, e.site());
    assertEquals(FakeResolver.SYMBOL, e.symbol());
    String message = e.getMessage();
    assertTrue(message.contains("`" + FakeResolver.SYMBOL + "`"), message);
    assertTrue(message.contains("offset 0x2a"), message);
    assertTrue(message.contains(EXTENSION_NAME), message);
    assertTrue(message.contains("x.o"), message);
    assertArrayEqualsAt(new byte[8], code, 0); // nothing written
  }

  @Test
  void extensionHandlerRefusesADataSection() {
    RelocationHandler handler = RelocationRegistry.standard().byCode(EXTENSION_CODE);
    RelocationSite site = new RelocationSite("x.o", "DATA", PatchedSection.DATA, 4, 1, 0);
    RelocationException e =
        assertThrows(RelocationException.class, () -> handler.apply(site, new FakeResolver(300), new byte[16], 4));
    assertEquals(RelocationException.Problem.NOT_ALLOWED_IN_SECTION, e.problem());
  }

  // --- decoding reloc.* entries of the extension's type ------------------------------------------------------------

  @Test
  void relocSectionWithTheExtensionTypeDecodes() {
    ByteWriter out = new ByteWriter();
    out.writeUleb32(3); // target section: CODE's index
    out.writeUleb32(2); // two entries
    // The extension's kind carries no addend, so the next entry starts right after the index.
    out.writeUleb32(EXTENSION_CODE);
    out.writeUleb32(0x10);
    out.writeUleb32(5);
    // R_WASM_MEMORY_ADDR_SLEB (4) carries one; decoding it proves the previous entry's length was right.
    out.writeUleb32(4);
    out.writeUleb32(0x20);
    out.writeUleb32(6);
    out.writeSleb64(-8);
    byte[] bytes = out.toByteArray();

    RelocationSection section = RelocationSectionDecoder.decode(relocCodeReader(bytes));

    assertEquals(3, section.targetSection());
    assertEquals(
        List.of(new RelocationEntry(EXTENSION_CODE, 0x10, 5, null), new RelocationEntry(4, 0x20, 6, -8L)),
        section.entries());
    assertEquals(0, section.entries().get(0).addendOrZero());
  }

  @Test
  void relocSectionWithAnUnknownTypeIsMalformed() {
    ByteWriter out = new ByteWriter();
    out.writeUleb32(3);
    out.writeUleb32(1);
    int typeOffset = out.size();
    out.writeUleb32(EXTENSION_CODE + 1);
    out.writeUleb32(0x10);
    out.writeUleb32(5);
    byte[] bytes = out.toByteArray();

    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> RelocationSectionDecoder.decode(relocCodeReader(bytes)));

    assertEquals(typeOffset, e.offset());
    assertEquals("reloc.CODE", e.location().section());
    String message = e.getMessage();
    assertTrue(message.contains("unknown relocation type 201"), message);
    assertTrue(message.contains("offset 0x" + Integer.toHexString(typeOffset)), message);
    assertTrue(message.contains("x.o"), message);
  }

  // --- it is the jar that adds the kind ----------------------------------------------------------------------------

  @Test
  void aClassLoaderWithoutTheExtensionJarDoesNotKnowTheKind() throws Exception {
    URL spec = location(RelocationRegistry.class);
    URL extension = location(ExperimentalRelocationTable.class);
    assertFalse(spec.equals(extension), "spec and extension must be separate class-path entries: " + spec);

    try (URLClassLoader specOnly = new URLClassLoader(new URL[] {spec}, ClassLoader.getPlatformClassLoader())) {
      IsolatedRegistry registry = IsolatedRegistry.load(specOnly);
      assertEquals(STANDARD_KINDS, registry.size(), "only the standard kinds");
      assertTrue(registry.hasCode(0));
      assertTrue(registry.hasCode(STANDARD_KINDS - 1));
      assertFalse(registry.hasCode(EXTENSION_CODE), "code 200 without the extension jar");
      assertFalse(registry.hasName(EXTENSION_NAME));
    }

    // The same isolated setup plus the one jar: now the kind is there.
    try (URLClassLoader withExtension =
        new URLClassLoader(new URL[] {spec, extension}, ClassLoader.getPlatformClassLoader())) {
      IsolatedRegistry registry = IsolatedRegistry.load(withExtension);
      assertEquals(STANDARD_KINDS + 1, registry.size());
      assertTrue(registry.hasCode(EXTENSION_CODE));
      assertTrue(registry.hasName(EXTENSION_NAME));
    }
  }

  // --- clashes -----------------------------------------------------------------------------------------------------

  @Test
  void twoTablesClaimingTheSameCodeAreRefused() {
    RelocationTable table = new ExperimentalRelocationTable();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> RelocationRegistry.of(List.of(table, table)));
    assertTrue(e.getMessage().contains("relocation code 200"), e.getMessage());
    assertTrue(e.getMessage().contains(EXTENSION_NAME), e.getMessage());
  }

  @Test
  void theExtensionTableAloneOrWithTheStandardOneIsAccepted() {
    RelocationRegistry alone = RelocationRegistry.of(List.of(new ExperimentalRelocationTable()));
    assertEquals(1, alone.handlers().size());
    assertNull(alone.byCode(0));
    assertNotNull(alone.byCode(EXTENSION_CODE));

    RelocationRegistry both =
        RelocationRegistry.of(List.of(new ExperimentalRelocationTable(), new WasmRelocationTable()));
    assertEquals(STANDARD_KINDS + 1, both.handlers().size());
    assertEquals(0, both.handlers().get(0).kind().code(), "code order regardless of table order");
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private static RelocationSite codeSite(int offset) {
    return new RelocationSite("x.o", "CODE", PatchedSection.CODE, offset, 1, 0);
  }

  private static ByteReader relocCodeReader(byte[] bytes) {
    return ByteReader.of(bytes, InputLocation.ofFile("x.o").inSection("reloc.CODE"));
  }

  private static void assertArrayEqualsAt(byte[] expected, byte[] actual, int position) {
    byte[] slice = Arrays.copyOfRange(actual, position, position + expected.length);
    assertEquals(Arrays.toString(expected), Arrays.toString(slice));
  }

  private static URL location(Class<?> type) throws URISyntaxException, java.net.MalformedURLException {
    URL url = type.getProtectionDomain().getCodeSource().getLocation();
    // Normalise (a directory on the class path must end in '/' for URLClassLoader to treat it as one).
    return Path.of(url.toURI()).toUri().toURL();
  }

  /**
   * A registry loaded inside another class loader. Its classes are not this test's classes (a RelocationTable there
   * is a different interface), so it is driven by reflection.
   */
  private record IsolatedRegistry(Object registry, Method byCode, Method byName, Method handlers) {
    static IsolatedRegistry load(ClassLoader loader) throws ReflectiveOperationException {
      Class<?> type = Class.forName(RelocationRegistry.class.getName(), true, loader);
      assertFalse(type == RelocationRegistry.class, "the registry must come from the isolated loader");
      Object registry = type.getMethod("load", ClassLoader.class).invoke(null, loader);
      return new IsolatedRegistry(
          registry,
          type.getMethod("byCode", int.class),
          type.getMethod("byName", String.class),
          type.getMethod("handlers"));
    }

    boolean hasCode(int code) throws ReflectiveOperationException {
      return byCode.invoke(registry, code) != null;
    }

    boolean hasName(String name) throws ReflectiveOperationException {
      return byName.invoke(registry, name) != null;
    }

    int size() throws ReflectiveOperationException {
      return ((List<?>) handlers.invoke(registry)).size();
    }
  }

  /** A resolver that answers each question with its own number, so a handler asking the wrong one is caught. */
  private static final class FakeResolver implements RelocationResolver {
    static final String SYMBOL = "indirect_target";

    private final long tableSlot;

    FakeResolver(long tableSlot) {
      this.tableSlot = tableSlot;
    }

    @Override
    public SymbolFacts symbol(RelocationSite site) {
      return new SymbolFacts() {
        @Override
        public String name() {
          return SYMBOL;
        }

        @Override
        public boolean isTls() {
          return false;
        }

        @Override
        public boolean isUndefined() {
          return false;
        }
      };
    }

    @Override
    public boolean isPositionIndependent() {
      return false;
    }

    @Override
    public boolean isMemoryShared() {
      return false;
    }

    @Override
    public long functionIndex(RelocationSite site) {
      return 1001;
    }

    @Override
    public long tableSlot(RelocationSite site) {
      return tableSlot;
    }

    @Override
    public long tableBase() {
      return 1002;
    }

    @Override
    public long memoryAddress(RelocationSite site) {
      return 1003;
    }

    @Override
    public long memoryBase() {
      return 1004;
    }

    @Override
    public long tlsOffset(RelocationSite site) {
      return 1005;
    }

    @Override
    public long location(RelocationSite site) {
      return 1006;
    }

    @Override
    public long globalIndex(RelocationSite site) {
      return 1007;
    }

    @Override
    public long typeIndex(RelocationSite site) {
      return 1008;
    }

    @Override
    public long tagIndex(RelocationSite site) {
      return 1009;
    }

    @Override
    public long tableNumber(RelocationSite site) {
      return 1010;
    }

    @Override
    public long functionOffset(RelocationSite site) {
      return 1011;
    }

    @Override
    public long sectionOffset(RelocationSite site) {
      return 1012;
    }
  }
}
