package dev.wasmlink.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reads annotations through mirrors, by qualified name, with their defaults filled in. */
public final class Mirrors {
  private final Elements elements;

  public Mirrors(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of that name on the element, if present. */
  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  public static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }

  /** The value of one member, the default when the source leaves it out. */
  public AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException(mirror + " has no member " + member);
  }

  /** The value only when the source writes it, for pointing errors at it. */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    return null;
  }

  public int intValue(AnnotationMirror mirror, String member) {
    return ((Number) value(mirror, member).getValue()).intValue();
  }

  public long longValue(AnnotationMirror mirror, String member) {
    return ((Number) value(mirror, member).getValue()).longValue();
  }

  public boolean booleanValue(AnnotationMirror mirror, String member) {
    return (Boolean) value(mirror, member).getValue();
  }

  public String stringValue(AnnotationMirror mirror, String member) {
    return (String) value(mirror, member).getValue();
  }

  /** The name of an enum constant value. */
  public String enumValue(AnnotationMirror mirror, String member) {
    return ((VariableElement) value(mirror, member).getValue()).getSimpleName().toString();
  }

  public TypeMirror typeValue(AnnotationMirror mirror, String member) {
    return (TypeMirror) value(mirror, member).getValue();
  }

  /** The names of the enum constants of an array value, in source order. */
  public List<String> enumValues(AnnotationMirror mirror, String member) {
    List<String> names = new ArrayList<>();
    for (AnnotationValue item : arrayValue(mirror, member)) {
      names.add(((VariableElement) item.getValue()).getSimpleName().toString());
    }
    return names;
  }

  public List<Long> longValues(AnnotationMirror mirror, String member) {
    List<Long> values = new ArrayList<>();
    for (AnnotationValue item : arrayValue(mirror, member)) {
      values.add(((Number) item.getValue()).longValue());
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private List<? extends AnnotationValue> arrayValue(AnnotationMirror mirror, String member) {
    Object raw = value(mirror, member).getValue();
    return raw instanceof List<?> ? (List<? extends AnnotationValue>) raw : List.of();
  }
}
