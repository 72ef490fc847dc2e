package dev.wasmlink.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wasmlink.tests.processor.SpecCompiler.compile;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The code generated for a small spec that uses each feature once, against golden copies in
 * {@code src/test/resources/golden/}: a catalogue of two kinds (one with an addend and tlsOnly, one an I32 field in
 * data, with a gap between their codes), a record with a {@code @PresentIf} field and a {@code @Vec}, a framed
 * family with an {@code @OtherTags} variant, and a custom section. When a generator changes on purpose, compile
 * this spec, review the new output and replace the golden file with it.
 */
class GoldenSourcesTest {
  private static final JavaFileObject CATALOGUE = JavaFileObjects.forSourceString("example.ExampleRelocation", """
      package example;

      import static dev.wasmlink.spec.reloc.FieldEncoding.I32;
      import static dev.wasmlink.spec.reloc.FieldEncoding.SLEB32;
      import static dev.wasmlink.spec.reloc.RelocationRule.TABLE_SLOT;
      import static dev.wasmlink.spec.reloc.RelocationRule.TLS_OFFSET;
      import static dev.wasmlink.spec.reloc.RelocationTarget.DATA;
      import static dev.wasmlink.spec.reloc.RelocationTarget.FUNCTION;

      import dev.wasmlink.spec.annotation.Relocation;
      import dev.wasmlink.spec.annotation.RelocationCatalogue;
      import dev.wasmlink.spec.reloc.PatchedSection;

      /** Two kinds, with a gap between their codes. */
      @RelocationCatalogue(prefix = "R_EXAMPLE_")
      public enum ExampleRelocation {
        @Relocation(code = 1, field = SLEB32, addend = true, target = DATA, rule = TLS_OFFSET, tlsOnly = true,
            summary = "offset of a thread-local from __tls_base")
        R_EXAMPLE_TLS_SLEB,

        @Relocation(code = 3, field = I32, target = FUNCTION, rule = TABLE_SLOT, allowedIn = PatchedSection.DATA,
            summary = "table slot of a function, a function pointer in data")
        R_EXAMPLE_TABLE_INDEX_I32
      }
      """);

  private static final JavaFileObject RECORD = JavaFileObjects.forSourceString("example.Symbol", """
      package example;

      import dev.wasmlink.spec.annotation.Encoding;
      import dev.wasmlink.spec.annotation.Name;
      import dev.wasmlink.spec.annotation.PresentIf;
      import dev.wasmlink.spec.annotation.Record;
      import dev.wasmlink.spec.annotation.U8;
      import dev.wasmlink.spec.annotation.Uleb32;
      import dev.wasmlink.spec.annotation.Vec;
      import java.util.List;

      /** A symbol: its name is absent for an undefined symbol without an explicit name. */
      @Record
      public record Symbol(
          @U8 int kind,
          @Uleb32 int flags,
          @PresentIf(field = "flags", mask = 0x50, notEqual = 0x10) @Name String name,
          @Vec(Encoding.ULEB32) List<Integer> indices) {}
      """);

  private static final JavaFileObject FAMILY = JavaFileObjects.forSourceString("example.Subsection", """
      package example;

      import dev.wasmlink.spec.annotation.OtherTags;
      import dev.wasmlink.spec.annotation.RemainingBytes;
      import dev.wasmlink.spec.annotation.Tag;
      import dev.wasmlink.spec.annotation.Tagged;
      import dev.wasmlink.spec.annotation.Uleb32;
      import dev.wasmlink.spec.annotation.Vec;
      import dev.wasmlink.spec.io.ByteSlice;
      import java.util.List;

      /** A size-framed subsection; unknown ones are kept as they are. */
      @Tagged(framed = true)
      public sealed interface Subsection {
        @Tag(1)
        record Symbols(@Vec List<Symbol> symbols) implements Subsection {}

        @Tag(12)
        record Version(@Uleb32 int version) implements Subsection {}

        @OtherTags
        record Other(int tag, @RemainingBytes ByteSlice payload) implements Subsection {}
      }
      """);

  private static final JavaFileObject CUSTOM_SECTION = JavaFileObjects.forSourceString("example.ExampleSection", """
      package example;

      import dev.wasmlink.spec.annotation.CustomSection;
      import dev.wasmlink.spec.annotation.Repeated;
      import dev.wasmlink.spec.annotation.Uleb32;
      import java.util.List;

      /** The {@code example} custom section: a version, then subsections to its end. */
      @CustomSection("example")
      public record ExampleSection(@Uleb32 int version, @Repeated List<Subsection> subsections) {}
      """);

  private static final List<JavaFileObject> SPEC = List.of(CATALOGUE, RECORD, FAMILY, CUSTOM_SECTION);

  @ParameterizedTest
  @ValueSource(strings = {
      "ExampleRelocationTable", "TlsSlebHandler", "TableIndexI32Handler",
      "SymbolDecoder", "SymbolEncoder",
      "SubsectionDecoder", "SubsectionEncoder",
      "ExampleSectionDecoder", "ExampleSectionEncoder"})
  void generatedSourceIsEquivalentToGolden(String generatedClass) {
    Compilation compilation = compileSpec();

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("example." + generatedClass)
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/" + generatedClass + ".java"));
  }

  /** Source equivalence ignores comments and layout; the golden files fix the javadoc and the layout too. */
  @ParameterizedTest
  @ValueSource(strings = {
      "ExampleRelocationTable", "TlsSlebHandler", "TableIndexI32Handler",
      "SymbolDecoder", "SymbolEncoder",
      "SubsectionDecoder", "SubsectionEncoder",
      "ExampleSectionDecoder", "ExampleSectionEncoder"})
  void generatedTextIsGoldenText(String generatedClass) throws IOException {
    Compilation compilation = compileSpec();

    assertThat(compilation).succeeded();
    if (Boolean.getBoolean("wasmlink.updateGolden")) {
      // After a deliberate change to the generators: -Dwasmlink.updateGolden=true rewrites the golden files, and the
      // diff is then reviewed like any other change.
      Path golden = Path.of(System.getProperty("wasmlink.root", ".."))
          .resolve("tests/src/test/resources/golden/" + generatedClass + ".java");
      Files.writeString(golden,
          compilation.generatedSourceFile("example." + generatedClass).orElseThrow().getCharContent(true));
    }
    assertThat(compilation).generatedSourceFile("example." + generatedClass).contentsAsUtf8String()
        .isEqualTo(new String(bytes(JavaFileObjects.forResource("golden/" + generatedClass + ".java")), UTF_8));
  }

  @Test
  void compilingTheSameSpecTwiceGeneratesIdenticalBytes() {
    Map<String, byte[]> first = generatedBytes(compileSpec());
    Map<String, byte[]> second = generatedBytes(compileSpec());

    assertFalse(first.isEmpty(), "the spec generated nothing");
    assertEquals(first.keySet(), second.keySet());
    first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name + " differs between compiles"));
  }

  /** Build tools hand sources to javac in no promised order; the output must not depend on it. */
  @Test
  void sourceOrderDoesNotChangeTheGeneratedBytes() {
    List<JavaFileObject> reversed = new ArrayList<>(SPEC);
    Collections.reverse(reversed);

    Map<String, byte[]> inOrder = generatedBytes(compileSpec());
    Map<String, byte[]> inReverse = generatedBytes(compile(reversed.toArray(JavaFileObject[]::new)));

    assertEquals(inOrder.keySet(), inReverse.keySet());
    inOrder.forEach((name, bytes) -> assertArrayEquals(bytes, inReverse.get(name), name + " depends on source order"));
  }

  private static Compilation compileSpec() {
    return compile(SPEC.toArray(JavaFileObject[]::new));
  }

  /** Every generated source's bytes, by file name. */
  private static Map<String, byte[]> generatedBytes(Compilation compilation) {
    assertThat(compilation).succeeded();
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      files.put(file.getName(), bytes(file));
    }
    return files;
  }

  private static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
