package dev.wasmlink.processor;

import static dev.wasmlink.processor.AnnotationNames.CUSTOM_SECTION;
import static dev.wasmlink.processor.AnnotationNames.OTHER_TAGS;
import static dev.wasmlink.processor.AnnotationNames.RECORD;
import static dev.wasmlink.processor.AnnotationNames.RELOCATION;
import static dev.wasmlink.processor.AnnotationNames.RELOCATION_CATALOGUE;
import static dev.wasmlink.processor.AnnotationNames.RELOCATION_TABLE;
import static dev.wasmlink.processor.AnnotationNames.SECTION;
import static dev.wasmlink.processor.AnnotationNames.TAG;
import static dev.wasmlink.processor.AnnotationNames.TAGGED;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.wasmlink.processor.layout.LayoutGeneration;
import dev.wasmlink.processor.relocation.RelocationGeneration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Turns the annotated specs of the wasm object format into code: for each relocation catalogue, a handler per kind
 * and a table registered as a service; for each record layout and tagged family, a decoder and an encoder. Each spec
 * is validated first, every problem reported on the element it concerns, and only clean specs are generated; one
 * broken spec does not stop the others.
 */
@AutoService(Processor.class)
public final class SpecProcessor extends AbstractProcessor {
  private static final String SERVICE_FILE = "META-INF/services/" + RELOCATION_TABLE;

  private final Set<String> serviceEntries = new TreeSet<>();
  private final Map<Integer, String> claimedCodes = new HashMap<>();
  private final Map<String, String> claimedNames = new HashMap<>();
  private final Map<String, String> claimedHandlers = new HashMap<>();
  private final Map<Integer, String> claimedSectionIds = new HashMap<>();
  private final Map<String, String> claimedCustomNames = new HashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RELOCATION_CATALOGUE, RELOCATION, RECORD, SECTION, CUSTOM_SECTION, TAGGED, TAG, OTHER_TAGS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        writeServiceFile();
        return false;
      }
      Mirrors mirrors = new Mirrors(processingEnv.getElementUtils());
      RelocationGeneration relocations =
          new RelocationGeneration(processingEnv.getElementUtils(), mirrors, claimedCodes, claimedNames,
              claimedHandlers, processingEnv.getMessager());
      for (JavaFile file : relocations.run(round, serviceEntries)) {
        write(file);
      }
      LayoutGeneration layouts = new LayoutGeneration(
          processingEnv.getElementUtils(), processingEnv.getTypeUtils(), mirrors, claimedSectionIds,
          claimedCustomNames, processingEnv.getMessager());
      for (JavaFile file : layouts.run(round)) {
        write(file);
      }
    } catch (RuntimeException | IOException e) {
      // Nothing escapes process(): a processor bug becomes one compile error with the trace, not a javac crash.
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(
          Diagnostic.Kind.ERROR, "wasmlink spec processor failed; please report this: " + trace);
    }
    return false;
  }

  private void write(JavaFile file) throws IOException {
    file.writeTo(processingEnv.getFiler());
  }

  private void writeServiceFile() throws IOException {
    if (serviceEntries.isEmpty()) {
      return;
    }
    FileObject resource =
        processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE, (Element[]) null);
    try (Writer writer = resource.openWriter()) {
      for (String entry : serviceEntries) {
        writer.write(entry);
        writer.write('\n');
      }
    }
  }
}
