package dev.wasmlink.tests.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.wasmlink.processor.SpecProcessor;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.ForwardingFileObject;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Compiles small spec sources with a fresh {@link SpecProcessor}, for the processor's compile tests. The imports a
 * relocation catalogue or a layout needs are written once here, so a test shows only the declaration it is about.
 */
final class SpecCompiler {
  /** What every relocation source starts with: {@code DATA} is the target, {@code PatchedSection.DATA} the section. */
  private static final String RELOCATION_IMPORTS =
      """
      import static dev.wasmlink.spec.reloc.FieldEncoding.*;
      import static dev.wasmlink.spec.reloc.RelocationRule.*;
      import static dev.wasmlink.spec.reloc.RelocationTarget.*;

      import dev.wasmlink.spec.annotation.Relocation;
      import dev.wasmlink.spec.annotation.RelocationCatalogue;
      import dev.wasmlink.spec.reloc.PatchedSection;
      """;

  /** What every layout source starts with; {@code Record} is imported by name to hide {@code java.lang.Record}. */
  private static final String LAYOUT_IMPORTS =
      """
      import dev.wasmlink.spec.annotation.*;
      import dev.wasmlink.spec.annotation.Record;
      import dev.wasmlink.spec.io.ByteSlice;
      import java.util.List;
      import java.util.function.LongPredicate;
      """;

  private SpecCompiler() {}

  /** Compiles the sources with the spec processor; the spec module is on the class path. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new SpecProcessor()).compile(sources);
  }

  /**
   * Compiles like {@link #compile} and also keeps the text of every source file the processor wrote. compile-testing
   * hides generated files once a compile has failed; a test that checks what a good spec still generates next to a
   * broken one reads them here.
   */
  static RecordedCompilation compileRecording(JavaFileObject... sources) {
    RecordingProcessor processor = new RecordingProcessor(new SpecProcessor());
    Compilation compilation = Compiler.javac().withProcessors(processor).compile(sources);
    return new RecordedCompilation(compilation, texts(processor.sources), texts(processor.resources));
  }

  private static Map<String, String> texts(Map<String, StringBuilder> copies) {
    Map<String, String> texts = new LinkedHashMap<>();
    copies.forEach((name, text) -> texts.put(name, text.toString()));
    return Map.copyOf(texts);
  }

  /**
   * A compile and what its processor wrote: the text of its sources by qualified name, and of its resources by
   * relative name ({@code META-INF/services/...}).
   */
  record RecordedCompilation(
      Compilation compilation, Map<String, String> generatedSources, Map<String, String> generatedResources) {
    boolean generated(String qualifiedName) {
      return generatedSources.containsKey(qualifiedName);
    }
  }

  /** A relocation catalogue source: {@code declaration} is the type's text, with the usual imports added. */
  static JavaFileObject relocationSource(String qualifiedName, String declaration) {
    return source(qualifiedName, RELOCATION_IMPORTS + "\n" + declaration);
  }

  /** A layout source: {@code declaration} is the type's text, with the usual imports added. */
  static JavaFileObject layoutSource(String qualifiedName, String declaration) {
    return source(qualifiedName, LAYOUT_IMPORTS + "\n" + declaration);
  }

  /** A source in the package of {@code qualifiedName}, which the text must not declare itself. */
  static JavaFileObject source(String qualifiedName, String text) {
    int dot = qualifiedName.lastIndexOf('.');
    String header = dot < 0 ? "" : "package " + qualifiedName.substring(0, dot) + ";\n\n";
    return JavaFileObjects.forSourceString(qualifiedName, header + text);
  }

  /** The compile's errors, one a line with their file and line, for assertion messages. */
  static String describeErrors(Compilation compilation) {
    return compilation.errors().stream()
        .map(d -> (d.getSource() == null ? "<no file>" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
            + d.getMessage(null))
        .collect(Collectors.joining("\n"));
  }

  /** Runs a processor with a {@link Filer} that keeps a copy of each source and resource written through it. */
  private static final class RecordingProcessor implements Processor {
    private final Processor delegate;
    private final Map<String, StringBuilder> sources = new LinkedHashMap<>();
    private final Map<String, StringBuilder> resources = new LinkedHashMap<>();

    RecordingProcessor(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      Filer filer = new RecordingFiler(environment.getFiler(), sources, resources);
      ProcessingEnvironment recording = (ProcessingEnvironment) Proxy.newProxyInstance(
          ProcessingEnvironment.class.getClassLoader(),
          new Class<?>[] {ProcessingEnvironment.class},
          (proxy, method, arguments) -> {
            if (method.getName().equals("getFiler") && method.getParameterCount() == 0) {
              return filer;
            }
            try {
              return method.invoke(environment, arguments);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      delegate.init(recording);
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }

  private record RecordingFiler(
      Filer delegate, Map<String, StringBuilder> sources, Map<String, StringBuilder> resources) implements Filer {
    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
      JavaFileObject file = delegate.createSourceFile(name, originatingElements);
      StringBuilder copy = new StringBuilder();
      sources.put(name.toString(), copy);
      return new ForwardingJavaFileObject<>(file) {
        @Override
        public Writer openWriter() throws IOException {
          return copying(super.openWriter(), copy);
        }
      };
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
      return delegate.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location, CharSequence moduleAndPackage, CharSequence relativeName,
        Element... originatingElements) throws IOException {
      FileObject file = delegate.createResource(location, moduleAndPackage, relativeName, originatingElements);
      StringBuilder copy = new StringBuilder();
      resources.put(relativeName.toString(), copy);
      return new ForwardingFileObject<>(file) {
        @Override
        public Writer openWriter() throws IOException {
          return copying(super.openWriter(), copy);
        }
      };
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence moduleAndPackage, CharSequence relativeName)
        throws IOException {
      return delegate.getResource(location, moduleAndPackage, relativeName);
    }

    /** A writer that also appends all it writes to {@code copy}. */
    private static Writer copying(Writer writer, StringBuilder copy) {
      return new FilterWriter(writer) {
        @Override
        public void write(int c) throws IOException {
          super.write(c);
          copy.append((char) c);
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
          super.write(buffer, offset, length);
          copy.append(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
          super.write(text, offset, length);
          copy.append(text, offset, offset + length);
        }
      };
    }
  }
}
