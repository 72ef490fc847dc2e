package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Name;
import dev.wasmlink.spec.annotation.PresentIf;
import dev.wasmlink.spec.annotation.Record;
import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.annotation.Uleb64;

/**
 * One entry of the symbol table, tagged by kind. Function, global, tag and table symbols name an index into their
 * space; their name is present when they are defined or carry {@code EXPLICIT_NAME}, which is exactly when the masked
 * flags are not "undefined without explicit name". Data symbols always have a name and, when defined, a place.
 */
@Tagged
public sealed interface SymbolInfo {
  /** The symbol's flags ({@link SymbolFlags}). */
  int flags();

  /** The symbol's name as the object spells it, or {@code null} when it takes its import's name. */
  String name();

  @Tag(0)
  record Function(
      @Uleb32 int flags,
      @Uleb32 int index,
      @PresentIf(field = "flags", mask = 0x50, notEqual = 0x10) @Name String name)
      implements SymbolInfo {}

  @Tag(1)
  record Data(
      @Uleb32 int flags,
      @Name String name,
      @PresentIf(field = "flags", mask = 0x10, equal = 0) DataPlace place)
      implements SymbolInfo {}

  @Tag(2)
  record Global(
      @Uleb32 int flags,
      @Uleb32 int index,
      @PresentIf(field = "flags", mask = 0x50, notEqual = 0x10) @Name String name)
      implements SymbolInfo {}

  /** A section symbol names its section by index and has no name of its own. */
  @Tag(3)
  record Section(@Uleb32 int flags, @Uleb32 int section) implements SymbolInfo {
    @Override
    public String name() {
      return null;
    }
  }

  @Tag(4)
  record ExceptionTag(
      @Uleb32 int flags,
      @Uleb32 int index,
      @PresentIf(field = "flags", mask = 0x50, notEqual = 0x10) @Name String name)
      implements SymbolInfo {}

  @Tag(5)
  record Table(
      @Uleb32 int flags,
      @Uleb32 int index,
      @PresentIf(field = "flags", mask = 0x50, notEqual = 0x10) @Name String name)
      implements SymbolInfo {}

  /** Where a defined data symbol lives: its segment, its offset in it and its size. */
  @Record
  record DataPlace(@Uleb32 int segment, @Uleb64 long offset, @Uleb64 long size) {}
}
