package dev.wasmlink.spec.wasm;

import static dev.wasmlink.spec.reloc.FieldEncoding.I32;
import static dev.wasmlink.spec.reloc.FieldEncoding.I64;
import static dev.wasmlink.spec.reloc.FieldEncoding.SLEB32;
import static dev.wasmlink.spec.reloc.FieldEncoding.SLEB64;
import static dev.wasmlink.spec.reloc.FieldEncoding.ULEB32;
import static dev.wasmlink.spec.reloc.FieldEncoding.ULEB64;
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
import static dev.wasmlink.spec.reloc.RelocationTarget.DATA;
import static dev.wasmlink.spec.reloc.RelocationTarget.FUNCTION;
import static dev.wasmlink.spec.reloc.RelocationTarget.GLOBAL;
import static dev.wasmlink.spec.reloc.RelocationTarget.SECTION;
import static dev.wasmlink.spec.reloc.RelocationTarget.TABLE;
import static dev.wasmlink.spec.reloc.RelocationTarget.TAG;
import static dev.wasmlink.spec.reloc.RelocationTarget.TYPE;

import dev.wasmlink.spec.annotation.Relocation;
import dev.wasmlink.spec.annotation.RelocationCatalogue;
import dev.wasmlink.spec.reloc.PatchedSection;

/**
 * The relocation kinds of WebAssembly object files, as tool-conventions' Linking.md and LLVM's WasmRelocs.def define
 * them. LEB and SLEB fields sit in code (instruction immediates, padded to full width); I32 and I64 fields sit in data
 * segments and in custom sections such as DWARF's.
 *
 * <p>No kind is declared {@code picOnly}: the relative kinds come from position-independent objects, but wasm-ld links
 * those into ordinary modules too, where {@code __memory_base} is 0 and {@code __table_base} the table's base. Nor
 * are the memory-address kinds {@code forbiddenAgainstTls}: against a thread-local they give its offset in the block.
 */
@RelocationCatalogue
public enum WasmRelocation {
  @Relocation(code = 0, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX,
      summary = "function index, as in call")
  R_WASM_FUNCTION_INDEX_LEB,

  @Relocation(code = 1, field = SLEB32, target = FUNCTION, rule = TABLE_SLOT,
      summary = "table slot of a function, as in i32.const of a function pointer")
  R_WASM_TABLE_INDEX_SLEB,

  @Relocation(code = 2, field = I32, target = FUNCTION, rule = TABLE_SLOT,
      allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM},
      summary = "table slot of a function, a function pointer in data")
  R_WASM_TABLE_INDEX_I32,

  @Relocation(code = 3, field = ULEB32, addend = true, target = DATA, rule = MEMORY_ADDRESS,
      summary = "memory address, as in a load or store offset")
  R_WASM_MEMORY_ADDR_LEB,

  @Relocation(code = 4, field = SLEB32, addend = true, target = DATA, rule = MEMORY_ADDRESS,
      summary = "memory address, as in i32.const")
  R_WASM_MEMORY_ADDR_SLEB,

  @Relocation(code = 5, field = I32, addend = true, target = DATA, rule = MEMORY_ADDRESS,
      allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM},
      summary = "memory address, a pointer in data")
  R_WASM_MEMORY_ADDR_I32,

  @Relocation(code = 6, field = ULEB32, target = TYPE, rule = TYPE_INDEX,
      summary = "type index, as in call_indirect")
  R_WASM_TYPE_INDEX_LEB,

  @Relocation(code = 7, field = ULEB32, target = GLOBAL, rule = GLOBAL_INDEX,
      summary = "global index, as in global.get")
  R_WASM_GLOBAL_INDEX_LEB,

  @Relocation(code = 8, field = I32, addend = true, target = FUNCTION, rule = FUNCTION_OFFSET,
      allowedIn = PatchedSection.CUSTOM, summary = "offset of a function in the code section, for debug info")
  R_WASM_FUNCTION_OFFSET_I32,

  @Relocation(code = 9, field = I32, addend = true, target = SECTION, rule = SECTION_OFFSET,
      allowedIn = PatchedSection.CUSTOM, summary = "offset into a section, for debug info")
  R_WASM_SECTION_OFFSET_I32,

  @Relocation(code = 10, field = ULEB32, target = TAG, rule = TAG_INDEX, summary = "tag index, as in throw")
  R_WASM_TAG_INDEX_LEB,

  @Relocation(code = 11, field = SLEB32, addend = true, target = DATA, rule = MEMORY_ADDRESS_RELATIVE,
      forbiddenAgainstTls = true, summary = "memory address relative to __memory_base")
  R_WASM_MEMORY_ADDR_REL_SLEB,

  @Relocation(code = 12, field = SLEB32, target = FUNCTION, rule = TABLE_SLOT_RELATIVE,
      summary = "table slot relative to __table_base")
  R_WASM_TABLE_INDEX_REL_SLEB,

  @Relocation(code = 13, field = I32, target = GLOBAL, rule = GLOBAL_INDEX,
      allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM}, summary = "global index in data or debug info")
  R_WASM_GLOBAL_INDEX_I32,

  @Relocation(code = 14, field = ULEB64, addend = true, target = DATA, rule = MEMORY_ADDRESS,
      summary = "memory64 address, as in a load or store offset")
  R_WASM_MEMORY_ADDR_LEB64,

  @Relocation(code = 15, field = SLEB64, addend = true, target = DATA, rule = MEMORY_ADDRESS,
      summary = "memory64 address, as in i64.const")
  R_WASM_MEMORY_ADDR_SLEB64,

  @Relocation(code = 16, field = I64, addend = true, target = DATA, rule = MEMORY_ADDRESS,
      allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM},
      summary = "memory64 address, a pointer in data")
  R_WASM_MEMORY_ADDR_I64,

  @Relocation(code = 17, field = SLEB64, addend = true, target = DATA, rule = MEMORY_ADDRESS_RELATIVE,
      forbiddenAgainstTls = true, summary = "memory64 address relative to __memory_base")
  R_WASM_MEMORY_ADDR_REL_SLEB64,

  @Relocation(code = 18, field = SLEB64, target = FUNCTION, rule = TABLE_SLOT,
      summary = "table slot of a function, as in i64.const")
  R_WASM_TABLE_INDEX_SLEB64,

  @Relocation(code = 19, field = I64, target = FUNCTION, rule = TABLE_SLOT,
      allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM},
      summary = "table slot of a function, a 64-bit function pointer in data")
  R_WASM_TABLE_INDEX_I64,

  @Relocation(code = 20, field = ULEB32, target = TABLE, rule = TABLE_NUMBER,
      summary = "table number, as in call_indirect or table.get")
  R_WASM_TABLE_NUMBER_LEB,

  @Relocation(code = 21, field = SLEB32, addend = true, target = DATA, rule = TLS_OFFSET, tlsOnly = true,
      summary = "offset of a thread-local from __tls_base")
  R_WASM_MEMORY_ADDR_TLS_SLEB,

  @Relocation(code = 22, field = I64, addend = true, target = FUNCTION, rule = FUNCTION_OFFSET,
      allowedIn = PatchedSection.CUSTOM,
      summary = "offset of a function in the code section, for 64-bit debug info")
  R_WASM_FUNCTION_OFFSET_I64,

  @Relocation(code = 23, field = I32, addend = true, target = DATA, rule = LOCATION_RELATIVE,
      forbiddenAgainstTls = true, allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM},
      summary = "address relative to the field itself")
  R_WASM_MEMORY_ADDR_LOCREL_I32,

  @Relocation(code = 24, field = SLEB64, target = FUNCTION, rule = TABLE_SLOT_RELATIVE,
      summary = "table slot relative to __table_base, as in i64.const")
  R_WASM_TABLE_INDEX_REL_SLEB64,

  @Relocation(code = 25, field = SLEB64, addend = true, target = DATA, rule = TLS_OFFSET, tlsOnly = true,
      summary = "offset of a thread-local from __tls_base, memory64")
  R_WASM_MEMORY_ADDR_TLS_SLEB64,

  @Relocation(code = 26, field = I32, target = FUNCTION, rule = FUNCTION_INDEX,
      allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM}, summary = "function index in data or debug info")
  R_WASM_FUNCTION_INDEX_I32,

  @Relocation(code = 27, field = I64, addend = true, target = DATA, rule = LOCATION_RELATIVE,
      forbiddenAgainstTls = true, allowedIn = {PatchedSection.DATA, PatchedSection.CUSTOM},
      summary = "64-bit address relative to the field itself")
  R_WASM_MEMORY_ADDR_LOCREL_I64
}
