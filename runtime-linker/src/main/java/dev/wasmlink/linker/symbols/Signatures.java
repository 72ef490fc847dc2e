package dev.wasmlink.linker.symbols;

import dev.wasmlink.spec.format.TypeEntry;
import java.util.List;

/** Function signatures as wasm-ld prints them: {@code (i32, i32) -> i32}. */
public final class Signatures {
  private Signatures() {}

  public static String describe(TypeEntry.FunctionType type) {
    return "(" + names(type.parameters()) + ") -> "
        + (type.results().isEmpty() ? "void" : type.results().size() == 1 ? name(type.results().get(0))
            : "(" + names(type.results()) + ")");
  }

  private static String names(List<Integer> types) {
    return String.join(", ", types.stream().map(Signatures::name).toList());
  }

  static String name(int valueType) {
    return switch (valueType) {
      case 0x7F -> "i32";
      case 0x7E -> "i64";
      case 0x7D -> "f32";
      case 0x7C -> "f64";
      case 0x7B -> "v128";
      case 0x70 -> "funcref";
      case 0x6F -> "externref";
      default -> "0x" + Integer.toHexString(valueType);
    };
  }
}
