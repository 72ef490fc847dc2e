package dev.wasmlink.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The problems a validator found in one spec, each tied to the element (and annotation, and annotation value) it is
 * about, so the compiler points at the exact place. Collecting them, rather than failing at the first, lets a spec
 * author fix every mistake from one compile.
 */
public final class Report {
  private record Problem(Element element, AnnotationMirror mirror, AnnotationValue value, String message) {}

  private final List<Problem> problems = new ArrayList<>();

  public void error(Element element, String message) {
    problems.add(new Problem(element, null, null, message));
  }

  public void error(Element element, AnnotationMirror mirror, String message) {
    problems.add(new Problem(element, mirror, null, message));
  }

  /** An error on one member of an annotation; on the annotation itself when the source leaves the member out. */
  public void error(Element element, AnnotationMirror mirror, String member, String message) {
    problems.add(new Problem(element, mirror, Mirrors.explicitValue(mirror, member), message));
  }

  /**
   * javac cannot place a message on a record component (it has no tree of its own in the compiler's element-to-tree
   * map), but it can on the private field the component declares, which shares its source position.
   */
  private static Problem locatable(Problem problem) {
    if (problem.element().getKind() != ElementKind.RECORD_COMPONENT) {
      return problem;
    }
    for (VariableElement field : ElementFilter.fieldsIn(problem.element().getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(problem.element().getSimpleName())) {
        return new Problem(field, problem.mirror(), problem.value(), problem.message());
      }
    }
    return problem;
  }

  public boolean isClean() {
    return problems.isEmpty();
  }

  public void printTo(Messager messager) {
    for (Problem reported : problems) {
      Problem problem = locatable(reported);
      if (problem.value() != null) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, problem.message(), problem.element(), problem.mirror(), problem.value());
      } else if (problem.mirror() != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, problem.message(), problem.element(), problem.mirror());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, problem.message(), problem.element());
      }
    }
  }
}
