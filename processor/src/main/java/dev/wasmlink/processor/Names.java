package dev.wasmlink.processor;

import com.palantir.javapoet.ClassName;
import java.util.Locale;

/** How generated classes, methods and messages are named, in one place so every generator agrees. */
public final class Names {
  private Names() {}

  /** {@code R_WASM_TABLE_INDEX_I32} without prefix {@code R_WASM_} is {@code TableIndexI32}. */
  public static String upperCamel(String snakeCase) {
    StringBuilder result = new StringBuilder();
    for (String word : snakeCase.split("_")) {
      if (!word.isEmpty()) {
        result.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return result.toString();
  }

  /** {@code SegmentInfo} is {@code segmentInfo}. */
  public static String lowerCamel(String upperCamel) {
    return Character.toLowerCase(upperCamel.charAt(0)) + upperCamel.substring(1);
  }

  /** {@code LinkingSubsection} is "linking subsection", for messages generated code prints. */
  public static String words(String upperCamel) {
    return upperCamel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** The nested names of a type joined: {@code NameSection.Subsection} is {@code NameSectionSubsection}. */
  public static String flatName(ClassName type) {
    return String.join("", type.simpleNames());
  }

  /** The decoder generated for a record or family. */
  public static ClassName decoderOf(ClassName type) {
    return ClassName.get(type.packageName(), flatName(type) + "Decoder");
  }

  /** The encoder generated for a record or family. */
  public static ClassName encoderOf(ClassName type) {
    return ClassName.get(type.packageName(), flatName(type) + "Encoder");
  }

  /** A tag or other constant as a Java literal: small ones in decimal, opcode-like ones in hex. */
  public static String literal(long value) {
    return value >= 0 && value < 10 ? Long.toString(value) : "0x" + Long.toHexString(value);
  }
}
