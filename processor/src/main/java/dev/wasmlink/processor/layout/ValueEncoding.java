package dev.wasmlink.processor.layout;

import static dev.wasmlink.processor.AnnotationNames.ANNOTATION_PACKAGE;

import java.util.Optional;

/** How one value is written, with the Java type it decodes to and the reader and writer calls for it. */
enum ValueEncoding {
  U8("U8", JavaType.INT, "readU8()", "writeU8"),
  ULEB32("Uleb32", JavaType.INT, "readUleb32()", "writeUleb32"),
  SLEB32("Sleb32", JavaType.INT, "readSleb32()", "writeSleb32"),
  ULEB64("Uleb64", JavaType.LONG, "readUleb64()", "writeUleb64"),
  SLEB64("Sleb64", JavaType.LONG, "readSleb64()", "writeSleb64"),
  I32("I32", JavaType.INT, "readI32()", "writeI32"),
  I64("I64", JavaType.LONG, "readI64()", "writeI64"),
  NAME("Name", JavaType.STRING, "readName()", "writeName"),
  SIZED_BYTES("SizedBytes", JavaType.BYTES, "readSizedBytes()", "writeSizedBytes"),
  FIXED_BYTES("FixedBytes", JavaType.BYTES, null, "writeBytes"),
  REMAINING_BYTES("RemainingBytes", JavaType.BYTES, "readRemaining()", "writeBytes"),
  /** A declared record or family, decoded by its own generated decoder. */
  RECORD(null, JavaType.RECORD, null, null);

  /** The Java types a value can have. */
  enum JavaType {
    INT,
    LONG,
    STRING,
    BYTES,
    RECORD
  }

  private final String annotation;
  private final JavaType javaType;
  private final String readCall;
  private final String writeMethod;

  ValueEncoding(String annotation, JavaType javaType, String readCall, String writeMethod) {
    this.annotation = annotation;
    this.javaType = javaType;
    this.readCall = readCall;
    this.writeMethod = writeMethod;
  }

  /** The encoding a field annotation names, by qualified name. */
  static Optional<ValueEncoding> ofAnnotation(String qualifiedName) {
    for (ValueEncoding encoding : values()) {
      if (encoding.annotation != null && qualifiedName.equals(ANNOTATION_PACKAGE + "." + encoding.annotation)) {
        return Optional.of(encoding);
      }
    }
    return Optional.empty();
  }

  /** The encoding a {@code @Vec} or {@code @Repeated} element names ({@code Encoding} constants). */
  static ValueEncoding ofElement(String encodingConstant) {
    return encodingConstant.equals("RECORD") ? RECORD : valueOf(encodingConstant);
  }

  String annotationName() {
    return "@" + annotation;
  }

  JavaType javaType() {
    return javaType;
  }

  boolean isInteger() {
    return javaType == JavaType.INT || javaType == JavaType.LONG;
  }

  /** The {@code ByteReader} call, without the receiver, for encodings with a fixed call. */
  String readCall() {
    return readCall;
  }

  /** The {@code ByteWriter} method that writes it. */
  String writeMethod() {
    return writeMethod;
  }
}
