package dev.wasmlink.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wasmlink.tests.processor.SpecCompiler.compile;
import static dev.wasmlink.tests.processor.SpecCompiler.compileRecording;
import static dev.wasmlink.tests.processor.SpecCompiler.layoutSource;
import static dev.wasmlink.tests.processor.SpecCompiler.relocationSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.wasmlink.spec.reloc.RelocationHandler;
import dev.wasmlink.spec.reloc.RelocationTable;
import dev.wasmlink.tests.processor.SpecCompiler.RecordedCompilation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue's generated table is registered in {@code META-INF/services/dev.wasmlink.spec.reloc.RelocationTable},
 * so that a jar carrying a catalogue adds its kinds to every linker with the jar on its class path.
 */
class ServiceRegistrationTest {
  private static final String SERVICE_FILE = "META-INF/services/dev.wasmlink.spec.reloc.RelocationTable";

  private static final JavaFileObject CATALOGUE = relocationSource("test.Catalogue", """
      @RelocationCatalogue(prefix = "R_TEST_")
      public enum Catalogue {
        @Relocation(code = 500, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX, summary = "a test kind")
        R_TEST_FUNCTION_INDEX_LEB
      }
      """);

  @Test
  void catalogueRegistersItsTable() {
    Compilation compilation = compile(CATALOGUE);

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE)
        .contentsAsUtf8String().isEqualTo("test.CatalogueTable\n");
  }

  @Test
  void everyCatalogueOfTheCompileIsListedOnceInNameOrder() {
    JavaFileObject zeta = relocationSource("test.a.Zeta", """
        @RelocationCatalogue(prefix = "R_ZETA_")
        public enum Zeta {
          @Relocation(code = 600, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_ZETA_CALL
        }
        """);
    JavaFileObject nested = relocationSource("test.b.Outer", """
        public final class Outer {
          @RelocationCatalogue(prefix = "R_INNER_")
          public enum Inner {
            @Relocation(code = 601, field = ULEB32, target = GLOBAL, rule = GLOBAL_INDEX)
            R_INNER_GLOBAL
          }
        }
        """);

    Compilation compilation = compile(zeta, nested, CATALOGUE);

    assertThat(compilation).succeeded();
    // A nested catalogue's table is a top-level class named after the whole path, so ServiceLoader can name it.
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE)
        .contentsAsUtf8String().isEqualTo("test.CatalogueTable\ntest.a.ZetaTable\ntest.b.OuterInnerTable\n");
  }

  @Test
  void brokenCatalogueIsNotListed() {
    JavaFileObject broken = relocationSource("test.broken.Broken", """
        @RelocationCatalogue
        public enum Broken {
          @Relocation(code = 700, field = ULEB32, addend = true, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_BROKEN
        }
        """);

    // compile-testing shows no generated file of a failed compile, so the processor's output is recorded.
    RecordedCompilation recorded = compileRecording(broken, CATALOGUE);

    assertThat(recorded.compilation()).hadErrorCount(1);
    assertEquals("test.CatalogueTable\n", recorded.generatedResources().get(SERVICE_FILE));
  }

  @Test
  void compileWithoutCatalogueWritesNoServiceFile() {
    Compilation compilation = compile(layoutSource("test.Payload", """
        @Record
        public record Payload(@U8 int value) {}
        """));

    assertThat(compilation).succeeded();
    assertFalse(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE).isPresent(),
        "a service file was written for a compile with no catalogue");
  }

  /**
   * The service file may only name tables that exist: ServiceLoader fails on a missing class. Today a handler-name
   * clash between two catalogues of one package aborts generation after the service entries are taken, and the
   * file names a table that was never written (see RelocationSpecValidationTest).
   */
  @Test
  void serviceFileNamesOnlyGeneratedTables() {
    JavaFileObject first = relocationSource("test.First", """
        @RelocationCatalogue(prefix = "R_FIRST_")
        public enum First {
          @Relocation(code = 1, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_FIRST_CALL
        }
        """);
    JavaFileObject second = relocationSource("test.Second", """
        @RelocationCatalogue(prefix = "R_SECOND_")
        public enum Second {
          @Relocation(code = 2, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_SECOND_CALL
        }
        """);

    RecordedCompilation recorded = compileRecording(first, second);

    String services = recorded.generatedResources().getOrDefault(SERVICE_FILE, "");
    for (String table : services.lines().toList()) {
      assertTrue(recorded.generated(table),
          "the service file names " + table + ", which was not generated; generated: "
              + recorded.generatedSources().keySet());
    }
  }

  /** End to end: the compiled table is found by ServiceLoader and serves the declared kind. */
  @Test
  void registeredTableIsFoundByServiceLoader(@TempDir Path classes) throws IOException {
    Compilation compilation = compile(CATALOGUE);
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      if (path.startsWith(prefix)) {
        Path target = classes.resolve(path.substring(prefix.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }

    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, RelocationTable.class.getClassLoader())) {
      List<RelocationTable> tables = ServiceLoader.load(RelocationTable.class, loader).stream()
          .filter(provider -> provider.type().getName().equals("test.CatalogueTable"))
          .map(ServiceLoader.Provider::get)
          .toList();

      assertEquals(1, tables.size(), "ServiceLoader did not find test.CatalogueTable exactly once");
      RelocationHandler handler = tables.get(0).byCode(500);
      assertNotNull(handler, "the table has no kind with code 500");
      assertEquals("R_TEST_FUNCTION_INDEX_LEB", handler.kind().name());
      assertEquals("a test kind", handler.kind().summary());
      assertEquals(handler, tables.get(0).byName("R_TEST_FUNCTION_INDEX_LEB"));
    }
  }
}
