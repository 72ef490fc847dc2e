package dev.wasmlink.processor.layout;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * One validated field.
 *
 * @param name the record component's name
 * @param type the component's Java type
 * @param shape a single value, a counted vector, or values repeated to the end of the payload
 * @param encoding how each value is written
 * @param recordType the declared record or family, for {@link ValueEncoding#RECORD}
 * @param elementType the list's element type, for vectors and repeats
 * @param fixedLength the byte count of {@link ValueEncoding#FIXED_BYTES}
 * @param condition when the field is present, or {@code null} when always
 * @param positionNeeded whether a later condition needs this field's position, for its error message
 */
record FieldModel(
    String name,
    TypeName type,
    Shape shape,
    ValueEncoding encoding,
    ClassName recordType,
    TypeName elementType,
    int fixedLength,
    Condition condition,
    boolean positionNeeded) {

  enum Shape {
    SINGLE,
    VEC,
    REPEATED
  }

  FieldModel withPositionNeeded() {
    return new FieldModel(name, type, shape, encoding, recordType, elementType, fixedLength, condition, true);
  }
}
