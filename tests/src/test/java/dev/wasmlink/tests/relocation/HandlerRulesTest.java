package dev.wasmlink.tests.relocation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.spec.io.ByteReader;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationException;
import dev.wasmlink.spec.reloc.RelocationException.Problem;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationKind;
import dev.wasmlink.spec.reloc.RelocationRegistry;
import dev.wasmlink.spec.reloc.RelocationResolver;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationSite;
import dev.wasmlink.spec.reloc.RelocationTarget;
import dev.wasmlink.spec.reloc.SymbolFacts;
import dev.wasmlink.tests.relocation.StandardKinds.Expected;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every standard relocation kind's generated handler, table-driven: its declared facts, the value its rule computes
 * from a resolver whose every method answers differently, how it writes and reads its field, and each constraint
 * (TLS, PIC, section, range) with the exception and message it produces.
 */
class HandlerRulesTest {
  private static final String FILE = "obj.o";
  private static final int OFFSET = 0x1c;
  private static final int INDEX = 4;
  private static final long ADDEND = 5;
  private static final byte FILL = (byte) 0xEE;
  private static final int POSITION = 7;

  /** A resolver whose every method has its own answer, and whose symbol facts and PIC-ness are settable. */
  static final class FakeResolver implements RelocationResolver {
    long functionIndex = 11;
    long tableSlot = 22;
    long tableBase = 3;
    long memoryAddress = 1000;
    long memoryBase = 100;
    long tlsOffset = 40;
    long location = 5000;
    long globalIndex = 7;
    long typeIndex = 9;
    long tagIndex = 13;
    long tableNumber = 2;
    long functionOffset = 700;
    long sectionOffset = 800;
    String name = "sym";
    boolean tls;
    boolean undefined;
    boolean positionIndependent;
    /** Shared memory: the TLS rules bite only in a threaded link. */
    boolean memoryShared = true;
    /** Type relocations have no symbol; asking for one is a handler bug. */
    boolean hasSymbol = true;

    FakeResolver with(Consumer<FakeResolver> change) {
      change.accept(this);
      return this;
    }

    @Override
    public SymbolFacts symbol(RelocationSite site) {
      if (!hasSymbol) {
        throw new AssertionError("symbol() asked for a type index: " + site);
      }
      String symbolName = name;
      boolean isTls = tls;
      boolean isUndefined = undefined;
      return new SymbolFacts() {
        @Override
        public String name() {
          return symbolName;
        }

        @Override
        public boolean isTls() {
          return isTls;
        }

        @Override
        public boolean isUndefined() {
          return isUndefined;
        }
      };
    }

    @Override
    public boolean isPositionIndependent() {
      return positionIndependent;
    }

    @Override
    public boolean isMemoryShared() {
      return memoryShared;
    }

    @Override
    public long functionIndex(RelocationSite site) {
      return functionIndex;
    }

    @Override
    public long tableSlot(RelocationSite site) {
      return tableSlot;
    }

    @Override
    public long tableBase() {
      return tableBase;
    }

    @Override
    public long memoryAddress(RelocationSite site) {
      return memoryAddress;
    }

    @Override
    public long memoryBase() {
      return memoryBase;
    }

    @Override
    public long tlsOffset(RelocationSite site) {
      return tlsOffset;
    }

    @Override
    public long location(RelocationSite site) {
      return location;
    }

    @Override
    public long globalIndex(RelocationSite site) {
      return globalIndex;
    }

    @Override
    public long typeIndex(RelocationSite site) {
      return typeIndex;
    }

    @Override
    public long tagIndex(RelocationSite site) {
      return tagIndex;
    }

    @Override
    public long tableNumber(RelocationSite site) {
      return tableNumber;
    }

    @Override
    public long functionOffset(RelocationSite site) {
      return functionOffset;
    }

    @Override
    public long sectionOffset(RelocationSite site) {
      return sectionOffset;
    }
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  static Stream<Expected> kinds() {
    return StandardKinds.ALL.stream();
  }

  static Stream<Expected> kindsWith(StandardKinds.Flag flag) {
    return kinds().filter(kind -> kind.flags().contains(flag));
  }

  static Stream<Expected> tlsOnlyKinds() {
    return kindsWith(StandardKinds.Flag.TLS_ONLY);
  }

  static Stream<Expected> notTlsKinds() {
    return kindsWith(StandardKinds.Flag.NOT_TLS);
  }

  static Stream<Expected> notTlsKindsInDebugInformation() {
    return notTlsKinds().filter(kind -> kind.allowedIn().contains(PatchedSection.CUSTOM));
  }

  static Stream<Expected> picOnlyKinds() {
    return kindsWith(StandardKinds.Flag.PIC_ONLY);
  }

  static Stream<Expected> kindsOfField(FieldEncoding field) {
    return kinds().filter(kind -> kind.field() == field);
  }

  static Stream<Expected> uleb32Kinds() {
    return kindsOfField(FieldEncoding.ULEB32);
  }

  static Stream<Expected> wideKinds() {
    return kinds().filter(kind -> kind.field().isWide());
  }

  private static RelocationHandler handler(Expected kind) {
    RelocationHandler handler = RelocationRegistry.standard().byCode(kind.code());
    assertNotNull(handler, "no handler for " + kind);
    return handler;
  }

  private static String sectionName(PatchedSection section) {
    return switch (section) {
      case CODE -> "CODE";
      case DATA -> "DATA";
      case CUSTOM -> ".debug_info";
    };
  }

  /** A site in the first section kind the kind allows, with addend 5 when the kind takes one. */
  private static RelocationSite site(Expected kind) {
    PatchedSection section = kind.allowedIn().stream().sorted().findFirst().orElseThrow();
    return site(kind, section);
  }

  private static RelocationSite site(Expected kind, PatchedSection section) {
    return new RelocationSite(FILE, sectionName(section), section, OFFSET, INDEX, kind.hasAddend() ? ADDEND : 0);
  }

  /** A resolver under which the kind's constraints all hold. */
  private static FakeResolver validResolver(Expected kind) {
    FakeResolver resolver = new FakeResolver();
    resolver.tls = kind.tlsOnly();
    resolver.positionIndependent = kind.picOnly();
    resolver.hasSymbol = kind.rule().target() != RelocationTarget.TYPE;
    return resolver;
  }

  /** The rule's formula, written out here independently of the generated code. */
  private static long expectedValue(RelocationRule rule, FakeResolver r, long addend) {
    return switch (rule) {
      case FUNCTION_INDEX -> r.functionIndex;
      case TABLE_SLOT -> r.tableSlot;
      case TABLE_SLOT_RELATIVE -> r.tableSlot - r.tableBase;
      case MEMORY_ADDRESS -> r.memoryAddress + addend;
      case MEMORY_ADDRESS_RELATIVE -> r.memoryAddress + addend - r.memoryBase;
      case TLS_OFFSET -> r.tlsOffset + addend;
      case LOCATION_RELATIVE -> r.memoryAddress + addend - r.location;
      case GLOBAL_INDEX -> r.globalIndex;
      case TYPE_INDEX -> r.typeIndex;
      case TAG_INDEX -> r.tagIndex;
      case TABLE_NUMBER -> r.tableNumber;
      case FUNCTION_OFFSET -> r.functionOffset + addend;
      case SECTION_OFFSET -> r.sectionOffset + addend;
    };
  }

  /**
   * What a field holding {@code value} reads back as: 32-bit fields hold a 32-bit word, which unsigned fields (ULEB32,
   * I32) read as unsigned and SLEB32 as signed; 64-bit fields hold the value itself.
   */
  private static long asField(FieldEncoding field, long value) {
    return switch (field) {
      case ULEB32, I32 -> value & 0xFFFF_FFFFL;
      case SLEB32 -> (int) value;
      case ULEB64, SLEB64, I64 -> value;
    };
  }

  /** Reads a field with the input reader, which refuses malformed LEBs, as the reader of the output would. */
  private static long readWithByteReader(FieldEncoding field, byte[] buffer, int position) {
    ByteReader reader = ByteReader.of(buffer, position, field.width(), InputLocation.ofFile("out.wasm"));
    long value = switch (field) {
      case ULEB32 -> Integer.toUnsignedLong(reader.readUleb32());
      case SLEB32 -> reader.readSleb32();
      case ULEB64 -> reader.readUleb64();
      case SLEB64 -> reader.readSleb64();
      case I32 -> Integer.toUnsignedLong(reader.readI32());
      case I64 -> reader.readI64();
    };
    assertEquals(0, reader.remaining(), field + " field not read to its end");
    return value;
  }

  private static byte[] filled() {
    byte[] buffer = new byte[32];
    Arrays.fill(buffer, FILL);
    return buffer;
  }

  private static String hex(byte[] bytes, int from, int length) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes, from, from + length);
  }

  private static void assertOnlyFieldWritten(byte[] buffer, int width, String what) {
    for (int i = 0; i < buffer.length; i++) {
      if (i < POSITION || i >= POSITION + width) {
        assertEquals(FILL, buffer[i], what + ": byte " + i + " outside the " + width + "-byte field was touched");
      }
    }
  }

  /** Checks the exception's structured facts and that its message names the kind, the file and the offset. */
  private static RelocationException assertRelocationError(
      Problem problem, Expected kind, RelocationSite site, Executable action) {
    RelocationException e = assertThrows(RelocationException.class, action, kind + " should fail with " + problem);
    String message = e.getMessage();
    assertAll(
        () -> assertEquals(problem, e.problem(), message),
        () -> assertEquals(kind.code(), e.kind().code()),
        () -> assertEquals(site, e.site()),
        () -> assertTrue(message.contains(kind.name()), "kind name missing: " + message),
        () -> assertTrue(message.contains(FILE), "file missing: " + message),
        () -> assertTrue(message.contains("offset 0x" + Integer.toHexString(OFFSET)), "offset missing: " + message),
        () -> assertTrue(message.startsWith(site.describe() + ": relocation " + kind.name() + " "), message));
    return e;
  }

  /** Both value() and apply() refuse, and apply() writes nothing. */
  private static RelocationException assertRefused(
      Problem problem, Expected kind, RelocationSite site, FakeResolver resolver) {
    RelocationHandler handler = handler(kind);
    assertRelocationError(problem, kind, site, () -> handler.value(site, resolver));
    byte[] buffer = filled();
    RelocationException e =
        assertRelocationError(problem, kind, site, () -> handler.apply(site, resolver, buffer, POSITION));
    assertArrayEquals(filled(), buffer, kind + ": apply wrote into the buffer before refusing");
    return e;
  }

  // --- the declared facts ------------------------------------------------------------------------------------------

  @Test
  void registryHasExactlyTheStandardCodes() {
    RelocationRegistry registry = RelocationRegistry.standard();
    assertEquals(28, StandardKinds.ALL.size());
    for (int code = 0; code < 28; code++) {
      assertEquals(code, StandardKinds.ALL.get(code).code());
      assertNotNull(registry.byCode(code), "code " + code);
    }
    List<Integer> codes = registry.handlers().stream().map(handler -> handler.kind().code()).toList();
    // Besides the standard kinds, only the extension jar's kind is on this class path.
    assertEquals(29, codes.size(), codes.toString());
    assertEquals(StandardKinds.EXTENSION.code(), codes.get(28));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void kindIsDeclaredAsTheConventionsSay(Expected expected) {
    RelocationHandler handler = handler(expected);
    RelocationKind kind = handler.kind();
    assertAll(
        () -> assertEquals(expected.code(), kind.code()),
        () -> assertEquals(expected.name(), kind.name()),
        () -> assertEquals(expected.field(), kind.field()),
        () -> assertEquals(expected.rule(), kind.rule()),
        () -> assertEquals(expected.hasAddend(), kind.hasAddend(), "hasAddend"),
        () -> assertEquals(expected.rule().target(), kind.target(), "target"),
        () -> assertEquals(expected.tlsOnly(), kind.tlsOnly(), "tlsOnly"),
        () -> assertEquals(expected.picOnly(), kind.picOnly(), "picOnly"),
        () -> assertEquals(expected.forbiddenAgainstTls(), kind.forbiddenAgainstTls(), "forbiddenAgainstTls"),
        () -> assertEquals(expected.allowedIn(), kind.allowedIn(), "allowedIn"),
        () -> assertTrue(!kind.summary().isBlank(), "summary"),
        () -> assertSame(handler, RelocationRegistry.standard().byName(expected.name())),
        () -> assertSame(kind, handler.kind()));
  }

  // --- values ------------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void valueFollowsTheRule(Expected kind) {
    RelocationHandler handler = handler(kind);
    for (PatchedSection section : kind.allowedIn()) {
      for (boolean pic : new boolean[] {true, false}) {
        if (kind.picOnly() && !pic) {
          continue;
        }
        FakeResolver resolver = validResolver(kind).with(r -> r.positionIndependent = pic);
        RelocationSite site = site(kind, section);
        assertEquals(expectedValue(kind.rule(), resolver, site.addend()), handler.value(site, resolver),
            kind + " in " + section + (pic ? " (PIC)" : ""));
      }
    }
  }

  @Test
  void theTableOfValues() {
    // The same formulas as numbers, so a reader can check them by eye: S = 1000, A = 5, P = 5000, and so on.
    long[] expected = {
      11, 22, 22, 1005, 1005, 1005, 9, 7, 705, 805, 13, 905, 19, 7, 1005, 1005, 1005, 905, 22, 22, 2, 45, 705,
      -3995, 19, 45, 11, -3995
    };
    for (Expected kind : StandardKinds.ALL) {
      assertEquals(expected[kind.code()], handler(kind).value(site(kind), validResolver(kind)), kind.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void kindsWithoutAnAddendIgnoreOne(Expected kind) {
    if (kind.hasAddend()) {
      return;
    }
    RelocationSite base = site(kind);
    RelocationSite withAddend =
        new RelocationSite(base.file(), base.section(), base.sectionKind(), base.offset(), base.index(), 1234);
    FakeResolver resolver = validResolver(kind);
    assertEquals(handler(kind).value(base, resolver), handler(kind).value(withAddend, resolver), kind.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void valueUsesOnlyTheRulesResolverMethods(Expected kind) {
    // Move every answer the rule does not use: the value must not change.
    FakeResolver resolver = validResolver(kind);
    long before = handler(kind).value(site(kind), resolver);
    FakeResolver moved = validResolver(kind);
    RelocationRule rule = kind.rule();
    long shift = 1_000_000;
    if (rule != RelocationRule.FUNCTION_INDEX) {
      moved.functionIndex += shift;
    }
    if (rule != RelocationRule.TABLE_SLOT && rule != RelocationRule.TABLE_SLOT_RELATIVE) {
      moved.tableSlot += shift;
    }
    if (rule != RelocationRule.TABLE_SLOT_RELATIVE) {
      moved.tableBase += shift;
    }
    if (rule != RelocationRule.MEMORY_ADDRESS && rule != RelocationRule.MEMORY_ADDRESS_RELATIVE
        && rule != RelocationRule.LOCATION_RELATIVE) {
      moved.memoryAddress += shift;
    }
    if (rule != RelocationRule.MEMORY_ADDRESS_RELATIVE) {
      moved.memoryBase += shift;
    }
    if (rule != RelocationRule.TLS_OFFSET) {
      moved.tlsOffset += shift;
    }
    if (rule != RelocationRule.LOCATION_RELATIVE) {
      moved.location += shift;
    }
    if (rule != RelocationRule.GLOBAL_INDEX) {
      moved.globalIndex += shift;
    }
    if (rule != RelocationRule.TYPE_INDEX) {
      moved.typeIndex += shift;
    }
    if (rule != RelocationRule.TAG_INDEX) {
      moved.tagIndex += shift;
    }
    if (rule != RelocationRule.TABLE_NUMBER) {
      moved.tableNumber += shift;
    }
    if (rule != RelocationRule.FUNCTION_OFFSET) {
      moved.functionOffset += shift;
    }
    if (rule != RelocationRule.SECTION_OFFSET) {
      moved.sectionOffset += shift;
    }
    assertEquals(before, handler(kind).value(site(kind), moved), kind.toString());
  }

  // --- writing and reading the field -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void applyWritesTheFieldInPlaceAndReadReturnsIt(Expected kind) {
    RelocationHandler handler = handler(kind);
    FieldEncoding field = kind.field();
    int width = field.width();
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind);
    long value = handler.value(site, resolver);

    byte[] buffer = filled();
    handler.apply(site, resolver, buffer, POSITION);
    String what = kind + " = " + value + " -> " + hex(buffer, POSITION, width);

    assertOnlyFieldWritten(buffer, width, what);
    if (field != FieldEncoding.I32 && field != FieldEncoding.I64) {
      for (int i = 0; i < width - 1; i++) {
        assertTrue((buffer[POSITION + i] & 0x80) != 0, what + ": padded LEB byte " + i + " lacks 0x80");
      }
      assertEquals(0, buffer[POSITION + width - 1] & 0x80, what + ": last LEB byte has 0x80");
    }
    assertEquals(asField(field, value), handler.read(buffer, POSITION), what);
    assertEquals(asField(field, value), readWithByteReader(field, buffer, POSITION), what);

    // Applying again with other answers overwrites the whole field, still in place.
    FakeResolver other = validResolver(kind).with(r -> {
      r.functionIndex = 300;
      r.tableSlot = 301;
      r.memoryAddress = 70000;
      r.tlsOffset = 16384;
      r.globalIndex = 129;
      r.typeIndex = 128;
      r.tagIndex = 127;
      r.tableNumber = 1;
      r.functionOffset = 0x12345;
      r.sectionOffset = 0;
    });
    long second = handler.value(site, other);
    handler.apply(site, other, buffer, POSITION);
    assertOnlyFieldWritten(buffer, width, kind + " reapplied");
    assertEquals(asField(field, second), handler.read(buffer, POSITION), kind + " reapplied");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void negativeValuesRoundTripThroughTheField(Expected kind) {
    // S + A below P, slot below base, and so on: every rule's value made negative where the field can hold it.
    FakeResolver resolver = validResolver(kind).with(r -> {
      r.memoryAddress = 10;
      r.memoryBase = 5000;
      r.tableBase = 50;
      r.tlsOffset = -20;
      r.location = 1 << 20;
    });
    RelocationHandler handler = handler(kind);
    RelocationSite site = site(kind);
    long value = handler.value(site, resolver);
    if (kind.field() == FieldEncoding.ULEB32 && value < 0) {
      return; // refused as out of range; see unsignedLeb32KindsRefuseNegativeValues
    }
    byte[] buffer = filled();
    handler.apply(site, resolver, buffer, POSITION);
    assertOnlyFieldWritten(buffer, kind.field().width(), kind.toString());
    assertEquals(asField(kind.field(), value), handler.read(buffer, POSITION), kind + " = " + value);
  }

  // --- TLS ---------------------------------------------------------------------------------------------------------

  @Test
  void exactlyCodes21And25AreTlsOnly() {
    assertEquals(List.of(21, 25), tlsOnlyKinds().map(Expected::code).toList());
    assertEquals(List.of(21, 25), RelocationRegistry.standard().handlers().stream()
        .filter(handler -> handler.kind().tlsOnly()).map(handler -> handler.kind().code()).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tlsOnlyKinds")
  void tlsKindAgainstANonTlsSymbolIsRefused(Expected kind) {
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> r.tls = false);
    RelocationException e = assertRefused(Problem.NON_TLS_SYMBOL, kind, site, resolver);
    assertEquals("sym", e.symbol());
    assertTrue(e.getMessage().contains("cannot be used against non-TLS symbol `sym`"), e.getMessage());
    assertEquals(site.describe() + ": relocation " + kind.name() + " cannot be used against non-TLS symbol `sym`",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tlsOnlyKinds")
  void tlsKindAgainstAnUndefinedSymbolIsRefused(Expected kind) {
    RelocationSite site = site(kind);
    for (boolean tls : new boolean[] {true, false}) {
      FakeResolver resolver = validResolver(kind).with(r -> {
        r.undefined = true;
        r.tls = tls;
        r.name = "errno";
      });
      RelocationException e = assertRefused(Problem.UNDEFINED_TLS_SYMBOL, kind, site, resolver);
      assertEquals("errno", e.symbol());
      assertTrue(e.getMessage().contains("cannot be used against an undefined symbol `errno`"), e.getMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notTlsKinds")
  void kindForbiddenAgainstTlsIsRefusedForATlsSymbol(Expected kind) {
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> r.tls = true);
    RelocationException e = assertRefused(Problem.TLS_SYMBOL_FORBIDDEN, kind, site, resolver);
    assertEquals("sym", e.symbol());
    assertTrue(e.getMessage().contains("cannot be used against TLS symbol `sym`"), e.getMessage());
  }

  /** Single-threaded, thread_local is lowered to plain memory: a TLS relocation may reach any defined data. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tlsOnlyKinds")
  void tlsKindAcceptsANonTlsSymbolWithoutSharedMemory(Expected kind) {
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> {
      r.tls = false;
      r.memoryShared = false;
    });
    assertEquals(expectedValue(kind.rule(), resolver, site.addend()), handler(kind).value(site, resolver));
  }

  /** Without threads there is one copy of each thread-local, so its absolute address is a fine value. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("notTlsKinds")
  void kindForbiddenAgainstTlsAcceptsATlsSymbolWithoutSharedMemory(Expected kind) {
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> {
      r.tls = true;
      r.memoryShared = false;
    });
    assertEquals(expectedValue(kind.rule(), resolver, site.addend()), handler(kind).value(site, resolver));
  }

  /** DWARF describes a thread-local by its address: in a custom section the TLS ban does not apply. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("notTlsKindsInDebugInformation")
  void kindForbiddenAgainstTlsAcceptsATlsSymbolInDebugInformation(Expected kind) {
    RelocationSite site = site(kind, PatchedSection.CUSTOM);
    FakeResolver resolver = validResolver(kind).with(r -> r.tls = true);
    RelocationHandler handler = RelocationRegistry.standard().byName(kind.name());
    assertEquals(handler.value(site, validResolver(kind)), handler.value(site, resolver));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void kindsWithoutTlsConstraintsIgnoreTheSymbolsTlsFlag(Expected kind) {
    if (kind.tlsOnly() || kind.forbiddenAgainstTls()) {
      return;
    }
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> r.tls = true);
    assertEquals(expectedValue(kind.rule(), resolver, site.addend()), handler(kind).value(site, resolver));
  }

  // --- PIC ---------------------------------------------------------------------------------------------------------

  /**
   * The base-relative kinds come from position-independent objects, but wasm-ld links those into ordinary modules
   * too (where {@code __memory_base} is 0 and {@code __table_base} the table's base): no standard kind is PIC-only.
   */
  @Test
  void noStandardKindIsPicOnly() {
    assertEquals(List.of(), picOnlyKinds().map(Expected::code).toList());
    for (Expected kind : StandardKinds.ALL) {
      assertFalse(handler(kind).kind().picOnly(), kind.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baseRelativeKinds")
  void baseRelativeKindWithoutPicIsRelativeToTheStaticBases(Expected kind) {
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> r.positionIndependent = false);
    assertEquals(expectedValue(kind.rule(), resolver, site.addend()), handler(kind).value(site, resolver));
  }

  static Stream<Expected> baseRelativeKinds() {
    return kinds().filter(kind -> kind.rule() == RelocationRule.MEMORY_ADDRESS_RELATIVE
        || kind.rule() == RelocationRule.TABLE_SLOT_RELATIVE);
  }

  // --- sections ----------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void kindInASectionItDoesNotAllowIsRefused(Expected kind) {
    int refused = 0;
    for (PatchedSection section : PatchedSection.values()) {
      if (kind.allowedIn().contains(section)) {
        continue;
      }
      refused++;
      RelocationSite site = site(kind, section);
      RelocationException e = assertRefused(Problem.NOT_ALLOWED_IN_SECTION, kind, site, validResolver(kind));
      assertNull(e.symbol());
      assertTrue(e.getMessage().contains("cannot patch a " + section + " section"), e.getMessage());
      assertTrue(e.getMessage().contains("section " + sectionName(section)), e.getMessage());
    }
    assertTrue(refused > 0, kind + " is allowed everywhere; the conventions place every kind in CODE or in data");
  }

  // --- range -------------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {3, 4, 5})
  void memoryAddressOf2To32DoesNotFitA32BitField(int code) {
    Expected kind = StandardKinds.ALL.get(code);
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> r.memoryAddress = 1L << 32);
    assertEquals((1L << 32) + ADDEND, handler(kind).value(site, resolver), "value() computes; apply() checks");

    byte[] buffer = filled();
    RelocationException e = assertRelocationError(
        Problem.VALUE_OUT_OF_RANGE, kind, site, () -> handler(kind).apply(site, resolver, buffer, POSITION));
    assertArrayEquals(filled(), buffer, "nothing written");
    String message = e.getMessage();
    assertTrue(message.contains("`sym`"), message);
    assertTrue(message.contains("value 4294967301"), message);
    assertTrue(message.contains(kind.field().name()), message);
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {3, 4, 5})
  void memoryAddressJustBelow2To32FitsA32BitField(int code) {
    Expected kind = StandardKinds.ALL.get(code);
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> r.memoryAddress = 0xFFFF_FFFFL - ADDEND);
    byte[] buffer = filled();
    handler(kind).apply(site, resolver, buffer, POSITION);
    assertOnlyFieldWritten(buffer, kind.field().width(), kind.toString());
    assertEquals(asField(kind.field(), 0xFFFF_FFFFL), handler(kind).read(buffer, POSITION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uleb32Kinds")
  void unsignedLeb32KindsRefuseNegativeValues(Expected kind) {
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> {
      r.functionIndex = -1;
      r.tableSlot = -1;
      r.memoryAddress = -1 - ADDEND;
      r.globalIndex = -1;
      r.typeIndex = -1;
      r.tagIndex = -1;
      r.tableNumber = -1;
    });
    assertEquals(-1, handler(kind).value(site, resolver), kind.toString());
    byte[] buffer = filled();
    RelocationException e = assertRelocationError(
        Problem.VALUE_OUT_OF_RANGE, kind, site, () -> handler(kind).apply(site, resolver, buffer, POSITION));
    assertArrayEquals(filled(), buffer, "nothing written");
    String target = kind.rule().target() == RelocationTarget.TYPE ? "type " + INDEX : "`sym`";
    assertTrue(e.getMessage().contains("value -1 for " + target + " does not fit its ULEB32 field"), e.getMessage());
  }

  @Test
  void signedLeb32KindsAcceptDownToIntMinAndNoFurther() {
    Expected kind = StandardKinds.ALL.get(12); // R_WASM_TABLE_INDEX_REL_SLEB: slot - base
    RelocationSite site = site(kind);
    FakeResolver atMin = validResolver(kind).with(r -> r.tableSlot = r.tableBase + Integer.MIN_VALUE);
    byte[] buffer = filled();
    handler(kind).apply(site, atMin, buffer, POSITION);
    assertEquals(Integer.MIN_VALUE, handler(kind).read(buffer, POSITION));

    FakeResolver belowMin = validResolver(kind).with(r -> r.tableSlot = r.tableBase + Integer.MIN_VALUE - 1L);
    byte[] untouched = filled();
    assertRelocationError(Problem.VALUE_OUT_OF_RANGE, kind, site,
        () -> handler(kind).apply(site, belowMin, untouched, POSITION));
    assertArrayEquals(filled(), untouched);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wideKinds")
  void wideKindsHoldAnyValue(Expected kind) {
    RelocationSite site = site(kind);
    long big = (1L << 40) + 3;
    FakeResolver resolver = validResolver(kind).with(r -> {
      r.functionIndex = big;
      r.tableSlot = big;
      r.tableBase = 0;
      r.memoryAddress = big;
      r.memoryBase = 0;
      r.tlsOffset = big;
      r.location = 0;
      r.functionOffset = big;
    });
    byte[] buffer = filled();
    handler(kind).apply(site, resolver, buffer, POSITION);
    assertEquals(expectedValue(kind.rule(), resolver, site.addend()), handler(kind).read(buffer, POSITION));
    assertOnlyFieldWritten(buffer, kind.field().width(), kind.toString());
  }

  /**
   * R_WASM_MEMORY_ADDR_LEB64 patches an unsigned 64-bit LEB and has no range check, so any 64-bit pattern is
   * written; the field must stay a valid ULEB64 (10th byte 0x00 or 0x01) that the object reader accepts.
   */
  @Test
  void memoryAddrLeb64WithBit63SetIsAWellFormedUleb64() {
    Expected kind = StandardKinds.ALL.get(14);
    RelocationSite site = site(kind);
    FakeResolver resolver = validResolver(kind).with(r -> r.memoryAddress = Long.MIN_VALUE);
    byte[] buffer = filled();
    handler(kind).apply(site, resolver, buffer, POSITION);
    long value = Long.MIN_VALUE + ADDEND;
    assertEquals(value, handler(kind).read(buffer, POSITION));
    long reread;
    try {
      reread = readWithByteReader(FieldEncoding.ULEB64, buffer, POSITION);
    } catch (MalformedInputException e) {
      throw new AssertionError("field " + hex(buffer, POSITION, 10) + " is not a valid ULEB64: " + e.getMessage(), e);
    }
    assertEquals(value, reread, "field " + hex(buffer, POSITION, 10));
  }

  /**
   * {@link RelocationException#symbol()} is "the symbol's name, or null when the problem concerns no symbol". Every
   * problem but VALUE_OUT_OF_RANGE stores the bare name; VALUE_OUT_OF_RANGE must too, so that failures can be
   * grouped by symbol whatever the problem, and a type index is no symbol.
   */
  @Test
  void valueOutOfRangeRecordsTheBareSymbolName() {
    Expected memoryAddr = StandardKinds.ALL.get(3);
    RelocationException symbolic = assertThrows(RelocationException.class, () -> handler(memoryAddr)
        .apply(site(memoryAddr), validResolver(memoryAddr).with(r -> r.memoryAddress = 1L << 32), filled(),
            POSITION));
    Expected typeIndex = StandardKinds.ALL.get(6);
    RelocationException type = assertThrows(RelocationException.class, () -> handler(typeIndex)
        .apply(site(typeIndex), validResolver(typeIndex).with(r -> r.typeIndex = -1), filled(), POSITION));
    assertAll(
        () -> assertEquals(Problem.VALUE_OUT_OF_RANGE, symbolic.problem()),
        () -> assertEquals("sym", symbolic.symbol(), "symbol() of a VALUE_OUT_OF_RANGE against `sym`"),
        () -> assertEquals(Problem.VALUE_OUT_OF_RANGE, type.problem()),
        () -> assertNull(type.symbol(), "symbol() of a VALUE_OUT_OF_RANGE for a type index"),
        () -> assertTrue(type.getMessage().contains("for type 4 does not fit"), type.getMessage()));
  }
}
