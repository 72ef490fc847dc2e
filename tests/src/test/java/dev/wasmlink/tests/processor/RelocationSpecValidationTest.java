package dev.wasmlink.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wasmlink.tests.processor.SpecCompiler.compile;
import static dev.wasmlink.tests.processor.SpecCompiler.describeErrors;
import static dev.wasmlink.tests.processor.SpecCompiler.relocationSource;
import static dev.wasmlink.tests.processor.SpecCompiler.compileRecording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.wasmlink.tests.processor.SpecCompiler.RecordedCompilation;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@code RelocationCatalogueValidator} and {@code RelocationGeneration}: each test declares one mistake
 * and checks its message, that it is reported where the mistake is (the constant, the annotation, or the annotation
 * member at fault; members are put on lines of their own so the line tells them apart), and that it is the only error.
 */
class RelocationSpecValidationTest {

  // ---- the catalogue itself ----

  @Test
  void catalogueOnAClassIsRejected() {
    JavaFileObject source = relocationSource("test.NotAnEnum", """
        @RelocationCatalogue
        public class NotAnEnum {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@RelocationCatalogue goes on an enum whose constants are the relocation kinds, but NotAnEnum is a class")
        .inFile(source).onLineContaining("@RelocationCatalogue");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void constantWithoutRelocationIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_DECLARED,
          R_WASM_UNDECLARED
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "constant R_WASM_UNDECLARED has no @Relocation: declare its code, field, target and rule, or move it out"
                + " of the catalogue")
        .inFile(source).onLineContaining("R_WASM_UNDECLARED");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void relocationOnAConstantOfAnEnumWithoutCatalogueIsRejected() {
    JavaFileObject source = relocationSource("test.Forgotten", """
        public enum Forgotten {
          @Relocation(code = 0, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_ORPHAN
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@Relocation declares a constant of a @RelocationCatalogue enum, but Forgotten is not one; annotate it"
                + " with @RelocationCatalogue")
        .inFile(source).onLineContaining("@Relocation(code = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  /**
   * A field of a catalogue enum that is not one of its constants is not a kind, and the processor must say so. Today
   * the annotation is ignored without a word: RelocationGeneration only checks that the enclosing type is a
   * catalogue, and the validator only looks at enum constants.
   */
  @Test
  void relocationOnAFieldThatIsNotAConstantIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_KIND;

          @Relocation(code = 1, field = ULEB32, target = TYPE, rule = TYPE_INDEX) static int NOT_A_KIND;
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("@Relocation").inFile(source).onLineContaining("NOT_A_KIND");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- codes and names ----

  @Test
  void codeAboveTheRangeIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(
              code = 1024,
              field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_TOO_HIGH
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("relocation code 1024 is out of range: codes go from 0 to 1023")
        .inFile(source).onLineContaining("code = 1024");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void negativeCodeIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(
              code = -1,
              field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_NEGATIVE
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("relocation code -1 is out of range: codes go from 0 to 1023")
        .inFile(source).onLineContaining("code = -1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void highestCodeIsAccepted() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 1023, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_HIGHEST
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.HighestHandler");
  }

  @Test
  void duplicateCodeInOneCatalogueIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 7, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_FIRST,
          @Relocation(
              code = 7, // as R_WASM_FIRST's
              field = ULEB32, target = GLOBAL, rule = GLOBAL_INDEX)
          R_WASM_SECOND
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "relocation code 7 is already declared by test.Catalogue.R_WASM_FIRST; give R_WASM_SECOND a code of its"
                + " own")
        .inFile(source).onLineContaining("code = 7, // as R_WASM_FIRST's");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateCodeAcrossCataloguesIsRejected() {
    JavaFileObject first = relocationSource("test.one.First", """
        @RelocationCatalogue
        public enum First {
          @Relocation(code = 40, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_ONE
        }
        """);
    JavaFileObject second = relocationSource("test.two.Second", """
        @RelocationCatalogue
        public enum Second {
          @Relocation(
              code = 40,
              field = ULEB32, target = GLOBAL, rule = GLOBAL_INDEX)
          R_WASM_TWO
        }
        """);

    Compilation compilation = compile(first, second);

    assertThat(compilation).hadErrorContaining(
            "relocation code 40 is already declared by test.one.First.R_WASM_ONE; give R_WASM_TWO a code of its own")
        .inFile(second).onLineContaining("code = 40");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateNameAcrossCataloguesIsRejected() {
    JavaFileObject first = relocationSource("test.one.First", """
        @RelocationCatalogue
        public enum First {
          @Relocation(code = 1, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_SHARED
        }
        """);
    JavaFileObject second = relocationSource("test.two.Second", """
        @RelocationCatalogue
        public enum Second {
          @Relocation(code = 2, field = ULEB32, target = GLOBAL, rule = GLOBAL_INDEX)
          R_WASM_SHARED
        }
        """);

    Compilation compilation = compile(first, second);

    assertThat(compilation).hadErrorContaining(
            "relocation name R_WASM_SHARED is already declared by test.one.First.R_WASM_SHARED; names must be unique"
                + " across catalogues because objects and listings refer to kinds by name")
        .inFile(second).onLineContaining("@Relocation(code = 2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void handlerNameClashIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 1, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_FUNC_INDEX,
          @Relocation(code = 2, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_FUNC__INDEX
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "R_WASM_FUNC__INDEX and R_WASM_FUNC_INDEX would both generate FuncIndexHandler; rename one so their names"
                + " differ by more than underscores and case")
        .inFile(source).onLineContaining("@Relocation(code = 2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nameThatLeavesNoHandlerNameIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 1, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_64_INDEX
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "relocation name R_WASM_64_INDEX leaves no usable handler name once the prefix \"R_WASM_\" is removed;"
                + " rename the constant or change the catalogue's prefix")
        .inFile(source).onLineContaining("@Relocation(code = 1");
    assertThat(compilation).hadErrorCount(1);
  }

  /**
   * Handler classes are named after the kind without the catalogue's prefix, so two catalogues of one package can
   * ask for the same class. That must be a spec error on the second kind, not a processor crash ("Attempt to
   * recreate a file"), which today also leaves the service file naming a table that was never written.
   */
  @Test
  void handlerNameClashAcrossCataloguesOfOnePackageIsRejected() {
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

    Compilation compilation = compile(first, second);

    assertFalse(describeErrors(compilation).contains("please report this"),
        "the clash crashed the processor:\n" + describeErrors(compilation));
    assertThat(compilation)
        .hadErrorContaining("R_SECOND_CALL and test.First.R_FIRST_CALL would both generate CallHandler")
        .inFile(second).onLineContaining("@Relocation(code = 2");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- field, addend, target and rule ----

  @Test
  void wideFieldWithIndexOnlyRuleIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0,
              field = ULEB64,
              target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_FUNCTION_INDEX_LEB64
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field ULEB64 holds 64 bits, but rule FUNCTION_INDEX computes a 32-bit index; use ULEB32, SLEB32 or I32")
        .inFile(source).onLineContaining("field = ULEB64");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void addendOnRuleWithoutAddendIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32,
              addend = true,
              target = GLOBAL, rule = GLOBAL_INDEX)
          R_WASM_GLOBAL_INDEX_LEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "rule GLOBAL_INDEX takes no addend, so entries of this kind carry none; remove addend = true")
        .inFile(source).onLineContaining("addend = true");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingAddendOnRuleWithAddendIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 5, field = I32, target = DATA, rule = MEMORY_ADDRESS, forbiddenAgainstTls = true,
              allowedIn = PatchedSection.DATA)
          R_WASM_MEMORY_ADDR_I32
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "rule MEMORY_ADDRESS adds the entry's addend, so the entry must carry one; declare addend = true")
        .inFile(source).onLineContaining("@Relocation(code = 5");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void targetThatDisagreesWithRuleIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32,
              target = GLOBAL,
              rule = FUNCTION_INDEX)
          R_WASM_CONFUSED_LEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "rule FUNCTION_INDEX computes a value for a FUNCTION target, but the target is GLOBAL; make them agree")
        .inFile(source).onLineContaining("target = GLOBAL");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- thread-local constraints ----

  @Test
  void tlsOnlyOnNonDataTargetIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX,
              tlsOnly = true)
          R_WASM_FUNCTION_INDEX_LEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "tlsOnly applies to data symbols (only data can be thread-local), but the target is FUNCTION")
        .inFile(source).onLineContaining("tlsOnly = true");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void forbiddenAgainstTlsOnNonDataTargetIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32, target = GLOBAL, rule = GLOBAL_INDEX,
              forbiddenAgainstTls = true)
          R_WASM_GLOBAL_INDEX_LEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "forbiddenAgainstTls applies to data symbols (only data can be thread-local), but the target is GLOBAL")
        .inFile(source).onLineContaining("forbiddenAgainstTls = true");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tlsOnlyAndForbiddenAgainstTlsTogetherAreRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 21, field = SLEB32, addend = true, target = DATA, rule = TLS_OFFSET, tlsOnly = true,
              forbiddenAgainstTls = true)
          R_WASM_MEMORY_ADDR_TLS_SLEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "a kind cannot be both tlsOnly and forbiddenAgainstTls; keep the one its rule calls for")
        .inFile(source).onLineContaining("forbiddenAgainstTls = true");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tlsOffsetRuleWithoutTlsOnlyIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 21, field = SLEB32, addend = true, target = DATA,
              rule = TLS_OFFSET)
          R_WASM_MEMORY_ADDR_TLS_SLEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "rule TLS_OFFSET computes an offset from __tls_base, which only thread-local symbols have; declare"
                + " tlsOnly = true")
        .inFile(source).onLineContaining("rule = TLS_OFFSET");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tlsOnlyWithNonTlsRuleIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 4, field = SLEB32, addend = true, target = DATA, rule = MEMORY_ADDRESS,
              tlsOnly = true)
          R_WASM_MEMORY_ADDR_SLEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "tlsOnly kinds compute an offset in the TLS block; use rule TLS_OFFSET instead of MEMORY_ADDRESS")
        .inFile(source).onLineContaining("tlsOnly = true");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- position-independent links ----

  /** Position-independent objects link into ordinary modules too: a base-relative kind need not be PIC-only. */
  @Test
  void baseRelativeRuleWithoutPicOnlyIsAccepted() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 11, field = SLEB32, addend = true, target = DATA,
              rule = MEMORY_ADDRESS_RELATIVE,
              forbiddenAgainstTls = true)
          R_WASM_MEMORY_ADDR_REL_SLEB
        }
        """);

    assertThat(compile(source)).succeeded();
  }

  @Test
  void picOnlyOnNonRelativeRuleIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 1, field = SLEB32, target = FUNCTION, rule = TABLE_SLOT,
              picOnly = true)
          R_WASM_TABLE_INDEX_SLEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "picOnly is for rules relative to __memory_base or __table_base; TABLE_SLOT is not one of them")
        .inFile(source).onLineContaining("picOnly = true");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- allowed sections ----

  @Test
  void emptyAllowedInIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX,
              allowedIn = {})
          R_WASM_FUNCTION_INDEX_LEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "allowedIn is empty, so the kind could patch nothing; name CODE, DATA or CUSTOM")
        .inFile(source).onLineContaining("allowedIn = {}");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateAllowedInIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 26, field = I32, target = FUNCTION, rule = FUNCTION_INDEX,
              allowedIn = {PatchedSection.CUSTOM, PatchedSection.DATA, PatchedSection.CUSTOM})
          R_WASM_FUNCTION_INDEX_I32
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("allowedIn names a section kind twice: [CUSTOM, DATA, CUSTOM]")
        .inFile(source).onLineContaining("allowedIn = {");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void lebFieldAllowedInDataIsRejected() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(code = 0, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX,
              allowedIn = {PatchedSection.CODE, PatchedSection.DATA})
          R_WASM_FUNCTION_INDEX_LEB
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field ULEB32 is a padded LEB, which only instruction immediates use; data segments hold raw I32 and I64"
                + " words, so drop DATA from allowedIn or use an I32/I64 field")
        .inFile(source).onLineContaining("allowedIn = {");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- several mistakes, several catalogues ----

  @Test
  void everyMistakeOfACatalogueIsReportedInOneCompile() {
    JavaFileObject source = relocationSource("test.Catalogue", """
        @RelocationCatalogue
        public enum Catalogue {
          @Relocation(
              code = 2000,
              field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_FUNCTION_INDEX_LEB,
          @Relocation(code = 3, field = ULEB32, target = DATA, rule = MEMORY_ADDRESS, forbiddenAgainstTls = true)
          R_WASM_MEMORY_ADDR_LEB,
          R_WASM_NOTHING_DECLARED
        }
        """);

    RecordedCompilation recorded = compileRecording(source);
    Compilation compilation = recorded.compilation();

    assertThat(compilation).hadErrorContaining("relocation code 2000 is out of range")
        .inFile(source).onLineContaining("code = 2000");
    assertThat(compilation).hadErrorContaining("rule MEMORY_ADDRESS adds the entry's addend")
        .inFile(source).onLineContaining("@Relocation(code = 3");
    assertThat(compilation).hadErrorContaining("constant R_WASM_NOTHING_DECLARED has no @Relocation")
        .inFile(source).onLineContaining("R_WASM_NOTHING_DECLARED");
    assertThat(compilation).hadErrorCount(3);
    assertEquals(Set.of(), recorded.generatedSources().keySet(), "a broken catalogue generated code");
  }

  @Test
  void brokenCatalogueDoesNotStopAValidOne() {
    JavaFileObject broken = relocationSource("test.broken.Broken", """
        @RelocationCatalogue
        public enum Broken {
          @Relocation(code = 1, field = ULEB64, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_FUNCTION_INDEX_LEB64
        }
        """);
    JavaFileObject valid = relocationSource("test.valid.Valid", """
        @RelocationCatalogue
        public enum Valid {
          @Relocation(code = 2, field = ULEB32, target = FUNCTION, rule = FUNCTION_INDEX)
          R_WASM_FUNCTION_INDEX_LEB
        }
        """);

    // compile-testing shows no generated file of a failed compile, so the processor's output is recorded.
    RecordedCompilation recorded = compileRecording(broken, valid);
    Compilation compilation = recorded.compilation();

    assertThat(compilation).hadErrorContaining("field ULEB64 holds 64 bits").inFile(broken)
        .onLineContaining("@Relocation(code = 1");
    assertThat(compilation).hadErrorCount(1);
    assertEquals(Set.of("test.valid.ValidTable", "test.valid.FunctionIndexLebHandler"),
        recorded.generatedSources().keySet());
    assertTrue(recorded.generatedSources().get("test.valid.ValidTable").contains("implements RelocationTable"),
        "the valid table is incomplete");
  }
}
