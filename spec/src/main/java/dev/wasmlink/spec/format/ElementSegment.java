package dev.wasmlink.spec.format;

import dev.wasmlink.spec.annotation.Encoding;
import dev.wasmlink.spec.annotation.Tag;
import dev.wasmlink.spec.annotation.Tagged;
import dev.wasmlink.spec.annotation.U8;
import dev.wasmlink.spec.annotation.Uleb32;
import dev.wasmlink.spec.annotation.Vec;
import java.util.List;

/**
 * An element segment. Its leading flag word (0 to 7) says whether it is active, passive or declarative, whether it
 * names a table, and whether it lists function indices or expressions.
 */
@Tagged(tag = Encoding.ULEB32)
public sealed interface ElementSegment {
  @Tag(0)
  record ActiveFunctions(ConstExpr offset, @Vec(Encoding.ULEB32) List<Integer> functions)
      implements ElementSegment {}

  @Tag(1)
  record PassiveFunctions(@U8 int elementKind, @Vec(Encoding.ULEB32) List<Integer> functions)
      implements ElementSegment {}

  @Tag(2)
  record ActiveTableFunctions(
      @Uleb32 int table, ConstExpr offset, @U8 int elementKind, @Vec(Encoding.ULEB32) List<Integer> functions)
      implements ElementSegment {}

  @Tag(3)
  record DeclarativeFunctions(@U8 int elementKind, @Vec(Encoding.ULEB32) List<Integer> functions)
      implements ElementSegment {}

  @Tag(4)
  record ActiveExpressions(ConstExpr offset, @Vec List<ConstExpr> initializers) implements ElementSegment {}

  @Tag(5)
  record PassiveExpressions(@U8 int referenceType, @Vec List<ConstExpr> initializers)
      implements ElementSegment {}

  @Tag(6)
  record ActiveTableExpressions(
      @Uleb32 int table, ConstExpr offset, @U8 int referenceType, @Vec List<ConstExpr> initializers)
      implements ElementSegment {}

  @Tag(7)
  record DeclarativeExpressions(@U8 int referenceType, @Vec List<ConstExpr> initializers)
      implements ElementSegment {}
}
