package dev.wasmlink.tests.relocation;

import static dev.wasmlink.spec.reloc.FieldEncoding.I32;
import static dev.wasmlink.spec.reloc.FieldEncoding.I64;
import static dev.wasmlink.spec.reloc.FieldEncoding.SLEB32;
import static dev.wasmlink.spec.reloc.FieldEncoding.SLEB64;
import static dev.wasmlink.spec.reloc.FieldEncoding.ULEB32;
import static dev.wasmlink.spec.reloc.FieldEncoding.ULEB64;
import static dev.wasmlink.spec.reloc.PatchedSection.CODE;
import static dev.wasmlink.spec.reloc.PatchedSection.CUSTOM;
import static dev.wasmlink.spec.reloc.PatchedSection.DATA;
import static dev.wasmlink.spec.reloc.RelocationRule.FUNCTION_INDEX;
import static dev.wasmlink.spec.reloc.RelocationRule.FUNCTION_OFFSET;
import static dev.wasmlink.spec.reloc.RelocationRule.GLOBAL_INDEX;
import static dev.wasmlink.spec.reloc.RelocationRule.LOCATION_RELATIVE;
import static dev.wasmlink.spec.reloc.RelocationRule.MEMORY_ADDRESS;
import static dev.wasmlink.spec.reloc.RelocationRule.MEMORY_ADDRESS_RELATIVE;
import static dev.wasmlink.spec.reloc.RelocationRule.SECTION_OFFSET;
import static dev.wasmlink.spec.reloc.RelocationRule.TABLE_NUMBER;
import static dev.wasmlink.spec.reloc.RelocationRule.TABLE_SLOT;
import static dev.wasmlink.spec.reloc.RelocationRule.TABLE_SLOT_RELATIVE;
import static dev.wasmlink.spec.reloc.RelocationRule.TAG_INDEX;
import static dev.wasmlink.spec.reloc.RelocationRule.TLS_OFFSET;
import static dev.wasmlink.spec.reloc.RelocationRule.TYPE_INDEX;

import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchedSection;
import dev.wasmlink.spec.reloc.RelocationRule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The 28 relocation kinds of tool-conventions' Linking.md and LLVM's WasmRelocs.def, written out by hand from those
 * documents rather than from the spec module, so the tests compare the generated handlers with an independent table.
 */
final class StandardKinds {
  private StandardKinds() {}

  /** Constraint flags of a kind. */
  enum Flag {
    TLS_ONLY,
    PIC_ONLY,
    NOT_TLS
  }

  /** One kind as the conventions define it; the addend is there exactly when the rule takes one. */
  record Expected(int code, String name, FieldEncoding field, RelocationRule rule, Set<PatchedSection> allowedIn,
      Set<Flag> flags) {
    boolean hasAddend() {
      return rule.takesAddend();
    }

    boolean tlsOnly() {
      return flags.contains(Flag.TLS_ONLY);
    }

    boolean picOnly() {
      return flags.contains(Flag.PIC_ONLY);
    }

    boolean forbiddenAgainstTls() {
      return flags.contains(Flag.NOT_TLS);
    }

    @Override
    public String toString() {
      return code + " " + name;
    }
  }

  private static final Set<PatchedSection> IN_CODE = EnumSet.of(CODE);
  private static final Set<PatchedSection> IN_DATA = EnumSet.of(DATA, CUSTOM);
  private static final Set<PatchedSection> IN_DEBUG = EnumSet.of(CUSTOM);

  private static Expected kind(int code, String name, FieldEncoding field, RelocationRule rule,
      Set<PatchedSection> allowedIn, Flag... flags) {
    Set<Flag> set = EnumSet.noneOf(Flag.class);
    set.addAll(List.of(flags));
    return new Expected(code, name, field, rule, allowedIn, set);
  }

  static final List<Expected> ALL = List.of(
      kind(0, "R_WASM_FUNCTION_INDEX_LEB", ULEB32, FUNCTION_INDEX, IN_CODE),
      kind(1, "R_WASM_TABLE_INDEX_SLEB", SLEB32, TABLE_SLOT, IN_CODE),
      kind(2, "R_WASM_TABLE_INDEX_I32", I32, TABLE_SLOT, IN_DATA),
      kind(3, "R_WASM_MEMORY_ADDR_LEB", ULEB32, MEMORY_ADDRESS, IN_CODE),
      kind(4, "R_WASM_MEMORY_ADDR_SLEB", SLEB32, MEMORY_ADDRESS, IN_CODE),
      kind(5, "R_WASM_MEMORY_ADDR_I32", I32, MEMORY_ADDRESS, IN_DATA),
      kind(6, "R_WASM_TYPE_INDEX_LEB", ULEB32, TYPE_INDEX, IN_CODE),
      kind(7, "R_WASM_GLOBAL_INDEX_LEB", ULEB32, GLOBAL_INDEX, IN_CODE),
      kind(8, "R_WASM_FUNCTION_OFFSET_I32", I32, FUNCTION_OFFSET, IN_DEBUG),
      kind(9, "R_WASM_SECTION_OFFSET_I32", I32, SECTION_OFFSET, IN_DEBUG),
      kind(10, "R_WASM_TAG_INDEX_LEB", ULEB32, TAG_INDEX, IN_CODE),
      kind(11, "R_WASM_MEMORY_ADDR_REL_SLEB", SLEB32, MEMORY_ADDRESS_RELATIVE, IN_CODE, Flag.NOT_TLS),
      kind(12, "R_WASM_TABLE_INDEX_REL_SLEB", SLEB32, TABLE_SLOT_RELATIVE, IN_CODE),
      kind(13, "R_WASM_GLOBAL_INDEX_I32", I32, GLOBAL_INDEX, IN_DATA),
      kind(14, "R_WASM_MEMORY_ADDR_LEB64", ULEB64, MEMORY_ADDRESS, IN_CODE),
      kind(15, "R_WASM_MEMORY_ADDR_SLEB64", SLEB64, MEMORY_ADDRESS, IN_CODE),
      kind(16, "R_WASM_MEMORY_ADDR_I64", I64, MEMORY_ADDRESS, IN_DATA),
      kind(17, "R_WASM_MEMORY_ADDR_REL_SLEB64", SLEB64, MEMORY_ADDRESS_RELATIVE, IN_CODE, Flag.NOT_TLS),
      kind(18, "R_WASM_TABLE_INDEX_SLEB64", SLEB64, TABLE_SLOT, IN_CODE),
      kind(19, "R_WASM_TABLE_INDEX_I64", I64, TABLE_SLOT, IN_DATA),
      kind(20, "R_WASM_TABLE_NUMBER_LEB", ULEB32, TABLE_NUMBER, IN_CODE),
      kind(21, "R_WASM_MEMORY_ADDR_TLS_SLEB", SLEB32, TLS_OFFSET, IN_CODE, Flag.TLS_ONLY),
      kind(22, "R_WASM_FUNCTION_OFFSET_I64", I64, FUNCTION_OFFSET, IN_DEBUG),
      kind(23, "R_WASM_MEMORY_ADDR_LOCREL_I32", I32, LOCATION_RELATIVE, IN_DATA, Flag.NOT_TLS),
      kind(24, "R_WASM_TABLE_INDEX_REL_SLEB64", SLEB64, TABLE_SLOT_RELATIVE, IN_CODE),
      kind(25, "R_WASM_MEMORY_ADDR_TLS_SLEB64", SLEB64, TLS_OFFSET, IN_CODE, Flag.TLS_ONLY),
      kind(26, "R_WASM_FUNCTION_INDEX_I32", I32, FUNCTION_INDEX, IN_DATA),
      kind(27, "R_WASM_MEMORY_ADDR_LOCREL_I64", I64, LOCATION_RELATIVE, IN_DATA, Flag.NOT_TLS));

  /** The made-up kind of the relocation-extension jar, which the tests module has on its class path. */
  static final Expected EXTENSION =
      kind(200, "R_WASMLINK_TABLE_INDEX_ULEB", ULEB32, TABLE_SLOT, IN_CODE);
}
