package dev.wasmlink.processor.layout;

import static dev.wasmlink.processor.AnnotationNames.CUSTOM_SECTION;
import static dev.wasmlink.processor.AnnotationNames.OTHER_TAGS;
import static dev.wasmlink.processor.AnnotationNames.RECORD;
import static dev.wasmlink.processor.AnnotationNames.SECTION;
import static dev.wasmlink.processor.AnnotationNames.TAG;
import static dev.wasmlink.processor.AnnotationNames.TAGGED;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.wasmlink.processor.Mirrors;
import dev.wasmlink.processor.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * One round's layout step: validate every record layout and tagged family, then generate a decoder and an encoder
 * for each clean one. A layout that refers to a broken one is not generated either (its own error would only repeat
 * the root cause as "cannot find symbol").
 */
public final class LayoutGeneration {
  private final Elements elements;
  private final Messager messager;
  private final LayoutValidator validator;

  public LayoutGeneration(
      Elements elements,
      Types types,
      Mirrors mirrors,
      Map<Integer, String> claimedSectionIds,
      Map<String, String> claimedCustomNames,
      Messager messager) {
    this.elements = elements;
    this.messager = messager;
    this.validator = new LayoutValidator(elements, types, mirrors, claimedSectionIds, claimedCustomNames);
  }

  public List<JavaFile> run(RoundEnvironment round) {
    Set<TypeElement> records = new LinkedHashSet<>();
    for (String annotation : List.of(RECORD, SECTION, CUSTOM_SECTION)) {
      records.addAll(annotated(round, annotation));
    }
    Set<ClassName> broken = new HashSet<>();
    Map<ClassName, RecordLayout> recordLayouts = new LinkedHashMap<>();
    for (TypeElement record : records) {
      Report report = new Report();
      Optional<RecordLayout> layout = validator.validateRecord(record, report);
      report.printTo(messager);
      layout.ifPresentOrElse(l -> recordLayouts.put(l.type(), l), () -> broken.add(ClassName.get(record)));
    }
    Map<ClassName, FamilyLayout> familyLayouts = new LinkedHashMap<>();
    for (TypeElement family : annotated(round, TAGGED)) {
      Report report = new Report();
      Optional<FamilyLayout> layout = validator.validateFamily(family, report);
      report.printTo(messager);
      layout.ifPresentOrElse(l -> familyLayouts.put(l.type(), l), () -> broken.add(ClassName.get(family)));
    }
    for (String annotation : List.of(TAG, OTHER_TAGS)) {
      for (TypeElement variant : annotated(round, annotation)) {
        Report report = new Report();
        validator.validateVariantMembership(variant, annotation, report);
        report.printTo(messager);
      }
    }
    dropDependentsOfBroken(recordLayouts, familyLayouts, broken);

    DecoderGenerator decoders = new DecoderGenerator();
    EncoderGenerator encoders = new EncoderGenerator();
    List<JavaFile> files = new ArrayList<>();
    for (RecordLayout layout : recordLayouts.values()) {
      files.add(decoders.generate(layout));
      files.add(encoders.generate(layout));
    }
    for (FamilyLayout layout : familyLayouts.values()) {
      files.add(decoders.generate(layout));
      files.add(encoders.generate(layout));
    }
    Map<String, List<RecordLayout>> sectionsByPackage = new TreeMap<>();
    for (RecordLayout layout : recordLayouts.values()) {
      if (layout.isSection()) {
        sectionsByPackage.computeIfAbsent(layout.type().packageName(), p -> new ArrayList<>()).add(layout);
      }
    }
    SectionLayoutsGenerator sectionLayouts = new SectionLayoutsGenerator();
    sectionsByPackage.forEach((packageName, sections) -> files.add(sectionLayouts.generate(packageName, sections)));
    return files;
  }

  /** Removes, until nothing changes, every layout whose fields refer to a broken or removed one. */
  private static void dropDependentsOfBroken(
      Map<ClassName, RecordLayout> records, Map<ClassName, FamilyLayout> families, Set<ClassName> broken) {
    boolean changed = !broken.isEmpty();
    while (changed) {
      changed = false;
      for (RecordLayout layout : List.copyOf(records.values())) {
        if (refersTo(layout.fields(), broken)) {
          records.remove(layout.type());
          changed |= broken.add(layout.type());
        }
      }
      for (FamilyLayout layout : List.copyOf(families.values())) {
        boolean dependent = layout.variants().stream().anyMatch(v -> refersTo(v.fields(), broken))
            || (layout.other() != null && refersTo(layout.other().fields(), broken));
        if (dependent) {
          families.remove(layout.type());
          changed |= broken.add(layout.type());
        }
      }
    }
  }

  private static boolean refersTo(List<FieldModel> fields, Set<ClassName> types) {
    return fields.stream().anyMatch(field -> field.recordType() != null && types.contains(field.recordType()));
  }

  private Set<TypeElement> annotated(RoundEnvironment round, String annotation) {
    TypeElement type = elements.getTypeElement(annotation);
    return type == null ? Set.of() : new LinkedHashSet<>(ElementFilter.typesIn(round.getElementsAnnotatedWith(type)));
  }
}
