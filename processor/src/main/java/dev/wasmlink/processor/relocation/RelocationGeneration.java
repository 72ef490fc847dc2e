package dev.wasmlink.processor.relocation;

import static dev.wasmlink.processor.AnnotationNames.RELOCATION;
import static dev.wasmlink.processor.AnnotationNames.RELOCATION_CATALOGUE;

import com.palantir.javapoet.JavaFile;
import dev.wasmlink.processor.Mirrors;
import dev.wasmlink.processor.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** One round's relocation step: validate each catalogue, then generate the clean ones. */
public final class RelocationGeneration {
  private final Elements elements;
  private final Mirrors mirrors;
  private final Map<Integer, String> claimedCodes;
  private final Map<String, String> claimedNames;
  private final Map<String, String> claimedHandlers;
  private final Messager messager;

  public RelocationGeneration(
      Elements elements,
      Mirrors mirrors,
      Map<Integer, String> claimedCodes,
      Map<String, String> claimedNames,
      Map<String, String> claimedHandlers,
      Messager messager) {
    this.elements = elements;
    this.mirrors = mirrors;
    this.claimedCodes = claimedCodes;
    this.claimedNames = claimedNames;
    this.claimedHandlers = claimedHandlers;
    this.messager = messager;
  }

  /** The files to write; the qualified names of generated tables are added to {@code serviceEntries}. */
  public List<JavaFile> run(RoundEnvironment round, Set<String> serviceEntries) {
    List<JavaFile> files = new ArrayList<>();
    TypeElement catalogueAnnotation = annotation(RELOCATION_CATALOGUE);
    TypeElement relocationAnnotation = annotation(RELOCATION);
    if (relocationAnnotation != null) {
      for (Element constant : round.getElementsAnnotatedWith(relocationAnnotation)) {
        if (constant.getKind() != ElementKind.ENUM_CONSTANT
            && Mirrors.has(constant.getEnclosingElement(), RELOCATION_CATALOGUE)) {
          Report report = new Report();
          report.error(constant, Mirrors.find(constant, RELOCATION).orElseThrow(),
              "@Relocation declares a relocation kind as a constant of the catalogue enum, but "
                  + constant.getSimpleName() + " is a " + constant.getKind().toString().toLowerCase()
                  + "; make it an enum constant");
          report.printTo(messager);
        } else if (!Mirrors.has(constant.getEnclosingElement(), RELOCATION_CATALOGUE)) {
          Report report = new Report();
          report.error(constant, Mirrors.find(constant, RELOCATION).orElseThrow(),
              "@Relocation declares a constant of a @RelocationCatalogue enum, but "
                  + constant.getEnclosingElement().getSimpleName() + " is not one; annotate it with"
                  + " @RelocationCatalogue");
          report.printTo(messager);
        }
      }
    }
    if (catalogueAnnotation == null) {
      return files;
    }
    RelocationCatalogueValidator validator = new RelocationCatalogueValidator(mirrors, claimedCodes, claimedNames, claimedHandlers);
    RelocationHandlerGenerator handlers = new RelocationHandlerGenerator();
    RelocationTableGenerator tables = new RelocationTableGenerator();
    for (TypeElement catalogue : ElementFilter.typesIn(round.getElementsAnnotatedWith(catalogueAnnotation))) {
      Report report = new Report();
      Optional<CatalogueModel> model = validator.validate(catalogue, report);
      report.printTo(messager);
      if (model.isEmpty()) {
        continue;
      }
      for (RelocationKindModel kind : model.get().kinds()) {
        files.add(handlers.generate(kind));
      }
      files.add(tables.generate(model.get()));
      serviceEntries.add(model.get().table().canonicalName());
    }
    return files;
  }

  /** The annotation type, or {@code null} when the spec annotations are not on the class path at all. */
  private TypeElement annotation(String qualifiedName) {
    return elements.getTypeElement(qualifiedName);
  }
}
