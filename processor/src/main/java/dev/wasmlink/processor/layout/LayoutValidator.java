package dev.wasmlink.processor.layout;

import static dev.wasmlink.processor.AnnotationNames.BYTE_SLICE;
import static dev.wasmlink.processor.AnnotationNames.CUSTOM_SECTION;
import static dev.wasmlink.processor.AnnotationNames.FIXED_BYTES;
import static dev.wasmlink.processor.AnnotationNames.OTHER_TAGS;
import static dev.wasmlink.processor.AnnotationNames.PRESENT_IF;
import static dev.wasmlink.processor.AnnotationNames.PRESENT_WHEN;
import static dev.wasmlink.processor.AnnotationNames.RECORD;
import static dev.wasmlink.processor.AnnotationNames.REPEATED;
import static dev.wasmlink.processor.AnnotationNames.SECTION;
import static dev.wasmlink.processor.AnnotationNames.TAG;
import static dev.wasmlink.processor.AnnotationNames.TAGGED;
import static dev.wasmlink.processor.AnnotationNames.VEC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.wasmlink.processor.AnnotationNames;
import dev.wasmlink.processor.Mirrors;
import dev.wasmlink.processor.Names;
import dev.wasmlink.processor.Report;
import dev.wasmlink.processor.layout.FieldModel.Shape;
import dev.wasmlink.processor.layout.ValueEncoding.JavaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks record layouts and tagged families against the rules of the spec annotations and builds the models the
 * decoder and encoder generators run over. It reports every problem of a spec on the element it concerns and has no
 * other side effect.
 */
public final class LayoutValidator {
  /** Names the generated code uses for its own locals and parameters. */
  private static final Set<String> RESERVED_NAMES = Set.of("in", "out", "i", "element");

  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;
  /** Section ids and custom section names already claimed in this compilation. */
  private final Map<Integer, String> claimedSectionIds;
  private final Map<String, String> claimedCustomNames;

  public LayoutValidator(
      Elements elements,
      Types types,
      Mirrors mirrors,
      Map<Integer, String> claimedSectionIds,
      Map<String, String> claimedCustomNames) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.claimedSectionIds = claimedSectionIds;
    this.claimedCustomNames = claimedCustomNames;
  }

  /** Validates a type annotated {@code @Record}, {@code @Section} or {@code @CustomSection}. */
  public Optional<RecordLayout> validateRecord(TypeElement type, Report report) {
    if (type.getKind() != ElementKind.RECORD) {
      String annotation = Mirrors.has(type, SECTION) ? "@Section" : Mirrors.has(type, CUSTOM_SECTION)
          ? "@CustomSection" : "@Record";
      report.error(type, annotation + " declares a layout through a Java record's components, but "
          + type.getSimpleName() + " is not a record; declare it as 'record " + type.getSimpleName() + "(...)'");
      return Optional.empty();
    }
    int sectionId = -1;
    String customName = null;
    boolean customPrefix = false;
    Optional<AnnotationMirror> section = Mirrors.find(type, SECTION);
    Optional<AnnotationMirror> custom = Mirrors.find(type, CUSTOM_SECTION);
    if (section.isPresent() && custom.isPresent()) {
      report.error(type, custom.get(),
          "a record is either a core section (@Section) or a custom section (@CustomSection), not both");
    } else if (section.isPresent()) {
      sectionId = mirrors.intValue(section.get(), "value");
      if (sectionId < 1 || sectionId > 255) {
        report.error(type, section.get(), "value", "section id " + sectionId
            + " is out of range: core sections have ids 1 to 255 (0 is for custom sections: use @CustomSection)");
      } else {
        String previous = claimedSectionIds.putIfAbsent(sectionId, type.getQualifiedName().toString());
        if (previous != null) {
          report.error(type, section.get(), "value",
              "section id " + sectionId + " is already declared by " + previous);
        }
      }
    } else if (custom.isPresent()) {
      customName = mirrors.stringValue(custom.get(), "value");
      customPrefix = mirrors.booleanValue(custom.get(), "prefix");
      if (customName.isEmpty()) {
        report.error(type, custom.get(), "value", "a custom section needs a name (or, with prefix = true, the start"
            + " of one)");
      } else {
        String key = customName + (customPrefix ? "*" : "");
        String previous = claimedCustomNames.putIfAbsent(key, type.getQualifiedName().toString());
        if (previous != null) {
          report.error(type, custom.get(), "value",
              "custom section \"" + customName + "\" is already declared by " + previous);
        }
      }
    }
    List<FieldModel> fields = validateFields(type, 0, "", report);
    if (!report.isClean()) {
      return Optional.empty();
    }
    return Optional.of(new RecordLayout(ClassName.get(type), fields, sectionId, customName, customPrefix));
  }

  /** Validates a type annotated {@code @Tagged}. */
  public Optional<FamilyLayout> validateFamily(TypeElement family, Report report) {
    AnnotationMirror tagged = Mirrors.find(family, TAGGED).orElseThrow();
    if (family.getKind() != ElementKind.INTERFACE || !family.getModifiers().contains(Modifier.SEALED)) {
      report.error(family, tagged, "@Tagged goes on a sealed interface whose permitted records are the variants, but "
          + family.getSimpleName() + " is not a sealed interface");
      return Optional.empty();
    }
    String tagEncodingName = mirrors.enumValue(tagged, "tag");
    ValueEncoding tagEncoding =
        tagEncodingName.equals("U8") ? ValueEncoding.U8 : tagEncodingName.equals("ULEB32") ? ValueEncoding.ULEB32 : null;
    if (tagEncoding == null) {
      report.error(family, tagged, "tag", "a tag is written as U8 or ULEB32, not " + tagEncodingName);
    }
    boolean framed = mirrors.booleanValue(tagged, "framed");
    int terminator = mirrors.intValue(tagged, "terminator");
    if (terminator < -1 || terminator > 255) {
      report.error(family, tagged, "terminator", "terminator " + terminator
          + " is not a byte; give a value from 0 to 255, or -1 for none");
    }
    List<FamilyLayout.Variant> variants = new ArrayList<>();
    FamilyLayout.Variant other = null;
    Map<Long, String> tags = new HashMap<>();
    List<? extends TypeMirror> permitted = family.getPermittedSubclasses();
    if (permitted.isEmpty()) {
      report.error(family, tagged, family.getSimpleName() + " permits no variants; declare records that implement it");
    }
    for (TypeMirror permittedType : permitted) {
      TypeElement variant = (TypeElement) types.asElement(permittedType);
      if (variant.getKind() != ElementKind.RECORD) {
        report.error(variant, "variant " + variant.getSimpleName() + " of @Tagged " + family.getSimpleName()
            + " must be a record: its components are the fields after the tag");
        continue;
      }
      Optional<AnnotationMirror> tag = Mirrors.find(variant, TAG);
      Optional<AnnotationMirror> otherTags = Mirrors.find(variant, OTHER_TAGS);
      if (tag.isPresent() && otherTags.isPresent()) {
        report.error(variant, otherTags.get(), "a variant has either a @Tag or @OtherTags, not both");
        continue;
      }
      if (otherTags.isPresent()) {
        if (!framed) {
          report.error(variant, otherTags.get(), "@OtherTags needs a framed family (@Tagged(framed = true)): only"
              + " a size prefix tells how long an unknown variant is");
        } else if (other != null) {
          report.error(variant, otherTags.get(), "only one variant can keep other tags; "
              + other.type().simpleName() + " already does");
        } else {
          other = validateOtherTags(variant, otherTags.get(), report);
        }
        continue;
      }
      if (tag.isEmpty()) {
        report.error(variant, "variant " + variant.getSimpleName() + " has no @Tag; give it the tag value that"
            + " selects it in " + family.getSimpleName() + ", or mark it @OtherTags");
        continue;
      }
      long tagValue = Integer.toUnsignedLong(mirrors.intValue(tag.get(), "value"));
      if (tagEncoding == ValueEncoding.U8 && tagValue > 255) {
        report.error(variant, tag.get(), "value", "tag " + tagValue + " does not fit the family's U8 tag");
      }
      String previous = tags.putIfAbsent(tagValue, variant.getSimpleName().toString());
      if (previous != null) {
        report.error(variant, tag.get(), "value", "tag " + Names.literal(tagValue) + " already selects "
            + previous + "; each variant of " + family.getSimpleName() + " needs its own tag");
      }
      String constantPrefix = upperSnake(variant.getSimpleName().toString()) + "_";
      List<FieldModel> fields = validateFields(variant, 0, constantPrefix, report);
      variants.add(new FamilyLayout.Variant(ClassName.get(variant), tagValue, fields, null));
    }
    if (!report.isClean()) {
      return Optional.empty();
    }
    return Optional.of(new FamilyLayout(
        ClassName.get(family), tagEncoding, framed, terminator, List.copyOf(variants), other));
  }

  /** Checks that a {@code @Tag} or {@code @OtherTags} record belongs to a family. */
  public void validateVariantMembership(TypeElement variant, String annotation, Report report) {
    for (TypeMirror parent : variant.getInterfaces()) {
      Element parentElement = types.asElement(parent);
      if (parentElement != null && Mirrors.has(parentElement, TAGGED)) {
        return;
      }
    }
    report.error(variant, Mirrors.find(variant, annotation).orElseThrow(),
        "@" + AnnotationNames.simpleName(annotation) + " marks a variant, but " + variant.getSimpleName()
            + " implements no @Tagged sealed interface");
  }

  private FamilyLayout.Variant validateOtherTags(TypeElement variant, AnnotationMirror otherTags, Report report) {
    List<? extends RecordComponentElement> components = variant.getRecordComponents();
    if (components.isEmpty() || components.get(0).asType().getKind() != TypeKind.INT
        || hasEncoding(components.get(0))) {
      report.error(variant, otherTags, "an @OtherTags record's first component receives the tag: declare it as a"
          + " plain 'int tag', then the payload, e.g. '@RemainingBytes ByteSlice payload'");
      return null;
    }
    List<FieldModel> fields = validateFields(variant, 1, "OTHER_", report);
    return new FamilyLayout.Variant(
        ClassName.get(variant), -1, fields, components.get(0).getSimpleName().toString());
  }

  private boolean hasEncoding(RecordComponentElement component) {
    for (AnnotationMirror mirror : component.getAnnotationMirrors()) {
      String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      if (ValueEncoding.ofAnnotation(name).isPresent() || name.equals(VEC) || name.equals(REPEATED)) {
        return true;
      }
    }
    return false;
  }

  /** Validates the record's components from {@code first} on as fields. */
  private List<FieldModel> validateFields(TypeElement record, int first, String constantPrefix, Report report) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    List<FieldModel> fields = new ArrayList<>();
    Map<String, FieldModel> earlier = new HashMap<>();
    Set<String> broken = new HashSet<>();
    for (int index = first; index < components.size(); index++) {
      RecordComponentElement component = components.get(index);
      boolean last = index == components.size() - 1;
      List<? extends RecordComponentElement> later = components.subList(index + 1, components.size());
      FieldModel field =
          validateField(record, component, last, earlier, broken, later, constantPrefix, report);
      if (field == null) {
        broken.add(component.getSimpleName().toString());
        continue;
      }
      if (field.condition() instanceof Condition.Tested tested) {
        FieldModel read = earlier.get(tested.field());
        int at = fields.indexOf(read);
        FieldModel marked = read.withPositionNeeded();
        fields.set(at, marked);
        earlier.put(tested.field(), marked);
      }
      fields.add(field);
      earlier.put(field.name(), field);
    }
    checkGeneratedLocals(components, fields, report);
    return List.copyOf(fields);
  }

  /**
   * The generated decoder keeps a {@code <name>Count} for each vector and a {@code <name>Position} for each field a
   * predicate reads; a component of the same name would be declared twice.
   */
  private static void checkGeneratedLocals(
      List<? extends RecordComponentElement> components, List<FieldModel> fields, Report report) {
    Set<String> locals = new HashSet<>();
    for (FieldModel field : fields) {
      if (field.shape() == FieldModel.Shape.VEC) {
        locals.add(field.name() + "Count");
      }
      if (field.positionNeeded()) {
        locals.add(field.name() + "Position");
      }
    }
    for (RecordComponentElement component : components) {
      if (locals.contains(component.getSimpleName().toString())) {
        report.error(component, "field name '" + component.getSimpleName() + "' is the name the generated decoder"
            + " gives to a local of another field; rename the component");
      }
    }
  }

  private FieldModel validateField(
      TypeElement record,
      RecordComponentElement component,
      boolean last,
      Map<String, FieldModel> earlier,
      Set<String> broken,
      List<? extends RecordComponentElement> later,
      String constantPrefix,
      Report report) {
    String name = component.getSimpleName().toString();
    TypeMirror type = component.asType();
    if (RESERVED_NAMES.contains(name)) {
      report.error(component, "field name '" + name + "' is used by the generated decoder and encoder; rename the"
          + " component");
      return null;
    }
    List<String> encodings = new ArrayList<>();
    ValueEncoding encoding = null;
    Shape shape = Shape.SINGLE;
    AnnotationMirror listAnnotation = null;
    for (AnnotationMirror mirror : component.getAnnotationMirrors()) {
      String annotation = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      Optional<ValueEncoding> scalar = ValueEncoding.ofAnnotation(annotation);
      if (scalar.isPresent()) {
        encodings.add("@" + AnnotationNames.simpleName(annotation));
        encoding = scalar.get();
      } else if (annotation.equals(VEC) || annotation.equals(REPEATED)) {
        encodings.add("@" + AnnotationNames.simpleName(annotation));
        shape = annotation.equals(VEC) ? Shape.VEC : Shape.REPEATED;
        listAnnotation = mirror;
        encoding = ValueEncoding.ofElement(mirrors.enumValue(mirror, "value"));
      }
    }
    if (encodings.size() > 1) {
      report.error(component, "field " + name + " has " + encodings.size() + " encodings (" + String.join(", ", encodings)
          + "); keep one");
      return null;
    }
    ClassName recordType = null;
    TypeName elementType = null;
    int fixedLength = 0;
    if (shape != Shape.SINGLE) {
      TypeMirror element = listElement(type);
      if (element == null) {
        report.error(component, listAnnotation, "field " + name + " is a " + (shape == Shape.VEC ? "@Vec" : "@Repeated")
            + ", so its type must be java.util.List<...>, not " + type);
        return null;
      }
      elementType = TypeName.get(element);
      if (encoding == ValueEncoding.RECORD) {
        recordType = declaredLayout(element);
        if (recordType == null) {
          report.error(component, listAnnotation, "the elements of " + name + " are " + element + ", which is neither"
              + " a @Record nor a @Tagged family; declare it as one, or name the element encoding, e.g."
              + " @Vec(Encoding.ULEB32) List<Integer>");
          return null;
        }
      } else if (!matchesBoxed(encoding, element)) {
        report.error(component, listAnnotation, "elements encoded as " + encoding + " are "
            + boxedName(encoding.javaType()) + ", but " + name + " holds " + element);
        return null;
      }
      if (shape == Shape.REPEATED && !last) {
        report.error(component, listAnnotation, "@Repeated reads until the payload ends, so " + name
            + " must be the last field of " + record.getSimpleName());
        return null;
      }
    } else if (encoding == null) {
      if (listElement(type) != null) {
        report.error(component, "field " + name + " is a list; say how it is written with @Vec (count first) or"
            + " @Repeated (to the end of the payload)");
        return null;
      }
      recordType = declaredLayout(type);
      if (recordType == null) {
        report.error(component, "field " + name + " has no encoding: annotate it with one of @U8, @Uleb32, @Sleb32,"
            + " @Uleb64, @Sleb64, @I32, @I64, @Name, @SizedBytes, @FixedBytes, @RemainingBytes, @Vec, @Repeated,"
            + " or make its type a @Record or @Tagged family");
        return null;
      }
      encoding = ValueEncoding.RECORD;
    } else {
      if (!matchesScalar(encoding, type)) {
        report.error(component, "@" + encoding.annotationName().substring(1) + " needs a field of type "
            + expectedScalar(encoding.javaType()) + ", but " + name + " is " + type);
        return null;
      }
      if (encoding == ValueEncoding.FIXED_BYTES) {
        AnnotationMirror fixed = Mirrors.find(component, FIXED_BYTES).orElseThrow();
        fixedLength = mirrors.intValue(fixed, "value");
        if (fixedLength <= 0) {
          report.error(component, fixed, "value", "@FixedBytes needs a positive byte count, not " + fixedLength);
          return null;
        }
      }
      if (encoding == ValueEncoding.REMAINING_BYTES && !last) {
        report.error(component, "@RemainingBytes takes every byte left, so " + name + " must be the last field of "
            + record.getSimpleName());
        return null;
      }
    }
    Condition condition =
        validateCondition(record, component, type, earlier, broken, later, constantPrefix, report);
    if (condition == INVALID) {
      return null;
    }
    return new FieldModel(name, TypeName.get(type), shape, encoding, recordType, elementType, fixedLength,
        condition, false);
  }

  /** Marks a condition that failed validation, as distinct from "no condition" ({@code null}). */
  private static final Condition INVALID = new Condition.Masked("", false, 0, List.of(), false);

  private Condition validateCondition(
      TypeElement record,
      RecordComponentElement component,
      TypeMirror type,
      Map<String, FieldModel> earlier,
      Set<String> broken,
      List<? extends RecordComponentElement> later,
      String constantPrefix,
      Report report) {
    Optional<AnnotationMirror> presentIf = Mirrors.find(component, PRESENT_IF);
    Optional<AnnotationMirror> presentWhen = Mirrors.find(component, PRESENT_WHEN);
    if (presentIf.isEmpty() && presentWhen.isEmpty()) {
      return null;
    }
    String name = component.getSimpleName().toString();
    if (presentIf.isPresent() && presentWhen.isPresent()) {
      report.error(component, presentWhen.get(), "field " + name + " has both @PresentIf and @PresentWhen; keep one");
      return INVALID;
    }
    AnnotationMirror mirror = presentIf.isPresent() ? presentIf.get() : presentWhen.get();
    boolean clean = true;
    if (type.getKind().isPrimitive()) {
      report.error(component, mirror, "field " + name + " is present only sometimes, so its type must be able to be"
          + " null; use " + boxedName(type.getKind() == TypeKind.LONG ? JavaType.LONG : JavaType.INT)
          + " instead of " + type);
      clean = false;
    }
    String field = mirrors.stringValue(mirror, "field");
    FieldModel read = earlier.get(field);
    if (read == null && broken.contains(field)) {
      // That field's own error is reported already; a second one here would only repeat it.
      return INVALID;
    }
    if (read == null) {
      boolean comesAfter = later.stream().anyMatch(other -> other.getSimpleName().contentEquals(field));
      report.error(component, mirror, "field", comesAfter
          ? "the condition of " + name + " reads field '" + field + "', which comes after it; a condition can only"
              + " read a field decoded before"
          : "the condition of " + name + " names field '" + field + "', but " + record.getSimpleName()
              + " has no such field before it");
      return INVALID;
    }
    if (read.shape() != Shape.SINGLE || !read.encoding().isInteger() || read.condition() != null) {
      report.error(component, mirror, "field", "the condition of " + name + " reads field '" + field
          + "', which is not an integer that is always present");
      return INVALID;
    }
    boolean wide = read.encoding().javaType() == JavaType.LONG;
    if (presentIf.isPresent()) {
      List<Long> equal = mirrors.longValues(mirror, "equal");
      List<Long> notEqual = mirrors.longValues(mirror, "notEqual");
      if (equal.isEmpty() == notEqual.isEmpty()) {
        report.error(component, mirror, "@PresentIf needs the values that make " + name + " present (equal = ...)"
            + " or absent (notEqual = ...): give exactly one of them");
        return INVALID;
      }
      return clean
          ? new Condition.Masked(field, wide, mirrors.longValue(mirror, "mask"),
              equal.isEmpty() ? notEqual : equal, equal.isEmpty())
          : INVALID;
    }
    TypeMirror test = mirrors.typeValue(mirror, "test");
    TypeElement testType = (TypeElement) types.asElement(test);
    boolean needsEnclosingInstance =
        testType.getNestingKind() != NestingKind.TOP_LEVEL && !testType.getModifiers().contains(Modifier.STATIC);
    if (testType.getKind() != ElementKind.CLASS || testType.getModifiers().contains(Modifier.ABSTRACT)
        || !testType.getModifiers().contains(Modifier.PUBLIC) || needsEnclosingInstance
        || !hasPublicNoArgConstructor(testType)) {
      report.error(component, mirror, "test", "predicate " + testType.getSimpleName() + " must be a public, concrete,"
          + " top-level or static class with a public no-argument constructor, so generated code can create it");
      return INVALID;
    }
    String constant = constantPrefix + upperSnake(name) + "_PRESENT";
    boolean unsigned32 = read.encoding() == ValueEncoding.U8 || read.encoding() == ValueEncoding.ULEB32;
    return clean ? new Condition.Tested(field, ClassName.get(testType), constant, unsigned32) : INVALID;
  }

  private static boolean hasPublicNoArgConstructor(TypeElement type) {
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    return constructors.stream()
        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
  }

  private static String upperSnake(String lowerCamel) {
    return lowerCamel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** The element type when {@code type} is {@code java.util.List<E>}, else {@code null}. */
  private TypeMirror listElement(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (!element.getQualifiedName().contentEquals("java.util.List") || declared.getTypeArguments().size() != 1) {
      return null;
    }
    return declared.getTypeArguments().get(0);
  }

  /** The type when it is a declared record layout or family, else {@code null}. */
  private ClassName declaredLayout(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) types.asElement(type);
    boolean declared = Mirrors.has(element, RECORD) || Mirrors.has(element, TAGGED);
    return declared ? ClassName.get(element) : null;
  }

  private boolean matchesScalar(ValueEncoding encoding, TypeMirror type) {
    return switch (encoding.javaType()) {
      case INT -> type.getKind() == TypeKind.INT || isClass(type, "java.lang.Integer");
      case LONG -> type.getKind() == TypeKind.LONG || isClass(type, "java.lang.Long");
      case STRING -> isClass(type, "java.lang.String");
      case BYTES -> isClass(type, BYTE_SLICE);
      case RECORD -> false;
    };
  }

  private boolean matchesBoxed(ValueEncoding encoding, TypeMirror type) {
    return switch (encoding.javaType()) {
      case INT -> isClass(type, "java.lang.Integer");
      case LONG -> isClass(type, "java.lang.Long");
      case STRING -> isClass(type, "java.lang.String");
      case BYTES -> isClass(type, BYTE_SLICE);
      case RECORD -> false;
    };
  }

  private boolean isClass(TypeMirror type, String qualifiedName) {
    TypeElement element = elements.getTypeElement(qualifiedName);
    return element != null && types.isSameType(type, element.asType());
  }

  private static String expectedScalar(JavaType type) {
    return switch (type) {
      case INT -> "int (Integer when conditional)";
      case LONG -> "long (Long when conditional)";
      case STRING -> "String";
      case BYTES -> "ByteSlice";
      case RECORD -> "a @Record";
    };
  }

  private static String boxedName(JavaType type) {
    return switch (type) {
      case INT -> "Integer";
      case LONG -> "Long";
      case STRING -> "String";
      case BYTES -> "ByteSlice";
      case RECORD -> "records";
    };
  }
}
