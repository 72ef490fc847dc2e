package dev.wasmlink.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.wasmlink.tests.processor.SpecCompiler.compile;
import static dev.wasmlink.tests.processor.SpecCompiler.compileRecording;
import static dev.wasmlink.tests.processor.SpecCompiler.describeErrors;
import static dev.wasmlink.tests.processor.SpecCompiler.layoutSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import dev.wasmlink.tests.processor.SpecCompiler.RecordedCompilation;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule of {@code LayoutValidator} and {@code LayoutGeneration}: each test declares one mistake and checks its
 * message, that it is reported where the mistake is and that it is the only error. Problems with a record component
 * are reported on the component (javac places them on the field the component declares, at the component's name), so
 * each component sits on a line of its own with its annotations.
 */
class LayoutSpecValidationTest {

  // ---- the record and its section ----

  @Test
  void recordAnnotationOnAClassIsRejected() {
    JavaFileObject source = layoutSource("test.NotARecord", """
        @Record
        public final class NotARecord {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@Record declares a layout through a Java record's components, but NotARecord is not a record; declare it"
                + " as 'record NotARecord(...)'")
        .inFile(source).onLineContaining("class NotARecord");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void sectionAnnotationOnAClassIsRejectedNamingSection() {
    JavaFileObject source = layoutSource("test.NotARecord", """
        @Section(3)
        public final class NotARecord {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@Section declares a layout through a Java record's components, but NotARecord is not a record")
        .inFile(source).onLineContaining("class NotARecord");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 256, -1})
  void sectionIdOutOfRangeIsRejected(int id) {
    JavaFileObject source = layoutSource("test.Payload", """
        @Section(%d)
        public record Payload(
            @U8 int value) {}
        """.formatted(id));

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "section id " + id + " is out of range: core sections have ids 1 to 255 (0 is for custom sections: use"
                + " @CustomSection)")
        .inFile(source).onLineContaining("@Section(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateSectionIdIsRejected() {
    JavaFileObject first = layoutSource("test.First", """
        @Section(3)
        public record First(@U8 int value) {}
        """);
    JavaFileObject second = layoutSource("test.Second", """
        @Section(3)
        public record Second(@U8 int value) {}
        """);

    Compilation compilation = compile(first, second);

    assertThat(compilation).hadErrorContaining("section id 3 is already declared by test.First")
        .inFile(second).onLineContaining("@Section(3)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void emptyCustomSectionNameIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @CustomSection("")
        public record Payload(@U8 int value) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "a custom section needs a name (or, with prefix = true, the start of one)")
        .inFile(source).onLineContaining("@CustomSection(\"\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateCustomSectionNameIsRejected() {
    JavaFileObject first = layoutSource("test.First", """
        @CustomSection("producers")
        public record First(@U8 int value) {}
        """);
    JavaFileObject second = layoutSource("test.Second", """
        @CustomSection("producers")
        public record Second(@U8 int value) {}
        """);

    Compilation compilation = compile(first, second);

    assertThat(compilation).hadErrorContaining("custom section \"producers\" is already declared by test.First")
        .inFile(second).onLineContaining("@CustomSection(\"producers\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void customSectionNameAndPrefixOfTheSameTextDoNotClash() {
    JavaFileObject exact = layoutSource("test.Exact", """
        @CustomSection("reloc.")
        public record Exact(@U8 int value) {}
        """);
    JavaFileObject prefix = layoutSource("test.Prefix", """
        @CustomSection(value = "reloc.", prefix = true)
        public record Prefix(@U8 int value) {}
        """);

    Compilation compilation = compile(exact, prefix);

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.ExactDecoder").contentsAsUtf8String()
        .contains("sectionName.equals(NAME)");
    assertThat(compilation).generatedSourceFile("test.PrefixDecoder").contentsAsUtf8String()
        .contains("sectionName.startsWith(NAME_PREFIX)");
  }

  @Test
  void sectionAndCustomSectionTogetherAreRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Section(3)
        @CustomSection("payload")
        public record Payload(@U8 int value) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "a record is either a core section (@Section) or a custom section (@CustomSection), not both")
        .inFile(source).onLineContaining("@CustomSection(\"payload\")");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- field encodings ----

  @ParameterizedTest
  @ValueSource(strings = {"in", "out", "i", "element"})
  void fieldNameUsedByGeneratedCodeIsRejected(String name) {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int %s) {}
        """.formatted(name));

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field name '" + name + "' is used by the generated decoder and encoder; rename the component")
        .inFile(source).onLineContaining("@U8 int " + name + ")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoEncodingsAreRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 @Uleb32 int count) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("field count has 2 encodings (@U8, @Uleb32); keep one")
        .inFile(source).onLineContaining("int count");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void vecOnAFieldThatIsNotAListIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Vec(Encoding.ULEB32) int count) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field count is a @Vec, so its type must be java.util.List<...>, not int")
        .inFile(source).onLineContaining("int count");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void repeatedOnAFieldThatIsNotAListIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Repeated(Encoding.NAME) String names) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field names is a @Repeated, so its type must be java.util.List<...>, not java.lang.String")
        .inFile(source).onLineContaining("String names");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void listOfRecordsWhoseElementIsNotDeclaredIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Vec List<String> names) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "the elements of names are java.lang.String, which is neither a @Record nor a @Tagged family; declare it"
                + " as one, or name the element encoding, e.g. @Vec(Encoding.ULEB32) List<Integer>")
        .inFile(source).onLineContaining("List<String> names");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void listElementTypeThatDisagreesWithItsEncodingIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Vec(Encoding.ULEB32) List<Long> offsets) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "elements encoded as ULEB32 are Integer, but offsets holds java.lang.Long")
        .inFile(source).onLineContaining("List<Long> offsets");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void repeatedThatIsNotLastIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Repeated(Encoding.ULEB32) List<Integer> values,
            @U8 int trailer) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@Repeated reads until the payload ends, so values must be the last field of Payload")
        .inFile(source).onLineContaining("List<Integer> values");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void listWithoutVecOrRepeatedIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            List<Integer> values) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field values is a list; say how it is written with @Vec (count first) or @Repeated (to the end of the"
                + " payload)")
        .inFile(source).onLineContaining("List<Integer> values");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void fieldWithoutEncodingIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            int count) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field count has no encoding: annotate it with one of @U8, @Uleb32, @Sleb32, @Uleb64, @Sleb64, @I32,"
                + " @I64, @Name, @SizedBytes, @FixedBytes, @RemainingBytes, @Vec, @Repeated, or make its type a"
                + " @Record or @Tagged family")
        .inFile(source).onLineContaining("int count");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void encodingThatDisagreesWithTheFieldTypeIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Name int label,
            @Uleb64 int size) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("@Name needs a field of type String, but label is int")
        .inFile(source).onLineContaining("int label");
    assertThat(compilation).hadErrorContaining(
            "@Uleb64 needs a field of type long (Long when conditional), but size is int")
        .inFile(source).onLineContaining("int size");
    assertThat(compilation).hadErrorCount(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -4})
  void fixedBytesWithoutAPositiveCountIsRejected(int count) {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @FixedBytes(%d) ByteSlice bits) {}
        """.formatted(count));

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("@FixedBytes needs a positive byte count, not " + count)
        .inFile(source).onLineContaining("ByteSlice bits");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void remainingBytesThatIsNotLastIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @RemainingBytes ByteSlice rest,
            @U8 int trailer) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@RemainingBytes takes every byte left, so rest must be the last field of Payload")
        .inFile(source).onLineContaining("ByteSlice rest");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- conditional fields ----

  @Test
  void presentIfAndPresentWhenTogetherAreRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentIf(field = "flags", equal = 1)
            @PresentWhen(field = "flags", test = Payload.Odd.class) @Uleb32 Integer extra) {
          public static final class Odd implements LongPredicate {
            @Override
            public boolean test(long value) {
              return (value & 1) != 0;
            }
          }
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("field extra has both @PresentIf and @PresentWhen; keep one")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void primitiveConditionalFieldIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentIf(field = "flags", equal = 1) @Uleb32 int extra,
            @PresentIf(field = "flags", equal = 2) @Sleb64 long wide) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "field extra is present only sometimes, so its type must be able to be null; use Integer instead of int")
        .inFile(source).onLineContaining("int extra");
    assertThat(compilation).hadErrorContaining(
            "field wide is present only sometimes, so its type must be able to be null; use Long instead of long")
        .inFile(source).onLineContaining("long wide");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void conditionReadingALaterFieldIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @PresentIf(field = "flags", equal = 1) @Uleb32 Integer extra,
            @U8 int flags) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "the condition of extra reads field 'flags', which comes after it; a condition can only read a field"
                + " decoded before")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void conditionNamingNoFieldIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentIf(field = "flag", equal = 1) @Uleb32 Integer extra) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "the condition of extra names field 'flag', but Payload has no such field before it")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  /** A field cannot be the condition of its own presence; the message must not say it comes after itself. */
  @Test
  void conditionNamingItsOwnFieldIsRejectedWithoutClaimingItComesAfter() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @PresentIf(field = "extra", equal = 1) @Uleb32 Integer extra) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("the condition of extra").inFile(source)
        .onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
    assertFalse(describeErrors(compilation).contains("which comes after it"),
        "the message says the field comes after itself:\n" + describeErrors(compilation));
  }

  @Test
  void conditionReadingANonIntegerFieldIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Name String label,
            @PresentIf(field = "label", equal = 1) @Uleb32 Integer extra) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "the condition of extra reads field 'label', which is not an integer that is always present")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void conditionReadingAConditionalFieldIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentIf(field = "flags", equal = 1) @Uleb32 Integer mode,
            @PresentIf(field = "mode", equal = 2) @Uleb32 Integer extra) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "the condition of extra reads field 'mode', which is not an integer that is always present")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  /**
   * When the field a condition reads is itself broken, its own error is the whole story: the condition must not add
   * a second error (today it does, and a false one: "reads field 'flags', which comes after it").
   */
  @Test
  void conditionReadingABrokenFieldAddsNoSecondError() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @Name int flags,
            @PresentIf(field = "flags", equal = 1) @Uleb32 Integer extra) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("@Name needs a field of type String, but flags is int")
        .inFile(source).onLineContaining("int flags");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void presentIfWithNeitherEqualNorNotEqualIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentIf(field = "flags", mask = 0x10) @Uleb32 Integer extra) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@PresentIf needs the values that make extra present (equal = ...) or absent (notEqual = ...): give"
                + " exactly one of them")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void presentIfWithBothEqualAndNotEqualIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentIf(field = "flags", equal = 1, notEqual = 2) @Uleb32 Integer extra) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@PresentIf needs the values that make extra present (equal = ...) or absent (notEqual = ...): give"
                + " exactly one of them")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void presentWhenPredicateWithoutPublicNoArgumentConstructorIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentWhen(field = "flags", test = Payload.Above.class) @Uleb32 Integer extra) {
          public static final class Above implements LongPredicate {
            private final long limit;

            public Above(long limit) {
              this.limit = limit;
            }

            @Override
            public boolean test(long value) {
              return value > limit;
            }
          }
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "predicate Above must be a public, concrete, top-level or static class with a public no-argument"
                + " constructor, so generated code can create it")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void presentWhenAbstractPredicateIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentWhen(field = "flags", test = Payload.Base.class) @Uleb32 Integer extra) {
          public abstract static class Base implements LongPredicate {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "predicate Base must be a public, concrete, top-level or static class with a public no-argument constructor")
        .inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  /**
   * An inner (non-static) class has no constructor generated code can call without an enclosing instance. It must be
   * rejected on the spec; today it passes and the generated decoder and encoder fail to compile ("an enclosing
   * instance that contains Payload.Odd is required").
   */
  @Test
  void presentWhenInnerClassPredicateIsRejected() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int flags,
            @PresentWhen(field = "flags", test = Payload.Odd.class) @Uleb32 Integer extra) {
          public final class Odd implements LongPredicate {
            public Odd() {}

            @Override
            public boolean test(long value) {
              return (value & 1) != 0;
            }
          }
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("predicate Odd").inFile(source).onLineContaining("Integer extra");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- tagged families ----

  @Test
  void taggedOnAnInterfaceThatIsNotSealedIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public interface Family {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@Tagged goes on a sealed interface whose permitted records are the variants, but Family is not a sealed"
                + " interface")
        .inFile(source).onLineContaining("@Tagged");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taggedOnARecordIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public record Family(@U8 int value) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("but Family is not a sealed interface")
        .inFile(source).onLineContaining("@Tagged");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tagEncodingOtherThanU8OrUleb32IsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged(
            tag = Encoding.I32)
        public sealed interface Family {
          @Tag(1)
          record One(@U8 int value) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("a tag is written as U8 or ULEB32, not I32")
        .inFile(source).onLineContaining("tag = Encoding.I32");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {256, -2})
  void terminatorThatIsNotAByteIsRejected(int terminator) {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged(
            terminator = %d)
        public sealed interface Family {
          @Tag(1)
          record One(@U8 int value) implements Family {}
        }
        """.formatted(terminator));

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "terminator " + terminator + " is not a byte; give a value from 0 to 255, or -1 for none")
        .inFile(source).onLineContaining("terminator = ");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void familyPermittingNoVariantsIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public sealed interface Family {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("Family permits no variants; declare records that implement it")
        .inFile(source).onLineContaining("@Tagged");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void variantThatIsNotARecordIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public sealed interface Family {
          @Tag(1)
          record One(@U8 int value) implements Family {}

          final class Two implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "variant Two of @Tagged Family must be a record: its components are the fields after the tag")
        .inFile(source).onLineContaining("class Two");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void variantWithoutTagIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public sealed interface Family {
          @Tag(1)
          record One(@U8 int value) implements Family {}

          record Two(@U8 int value) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "variant Two has no @Tag; give it the tag value that selects it in Family, or mark it @OtherTags")
        .inFile(source).onLineContaining("record Two");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateTagIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public sealed interface Family {
          @Tag(0x11)
          record One(@U8 int value) implements Family {}

          @Tag(17)
          record Two(@U8 int value) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "tag 0x11 already selects One; each variant of Family needs its own tag")
        .inFile(source).onLineContaining("@Tag(17)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tagAboveAByteInAU8FamilyIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public sealed interface Family {
          @Tag(256)
          record Big(@U8 int value) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("tag 256 does not fit the family's U8 tag")
        .inFile(source).onLineContaining("@Tag(256)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tagAboveAByteInAUleb32FamilyIsAccepted() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged(tag = Encoding.ULEB32)
        public sealed interface Family {
          @Tag(256)
          record Big(@U8 int value) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.FamilyDecoder").contentsAsUtf8String()
        .contains("case 0x100 -> decodeBig(in);");
  }

  @Test
  void otherTagsInAFamilyThatIsNotFramedIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged
        public sealed interface Family {
          @Tag(1)
          record One(@U8 int value) implements Family {}

          @OtherTags
          record Unknown(int tag, @RemainingBytes ByteSlice payload) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@OtherTags needs a framed family (@Tagged(framed = true)): only a size prefix tells how long an unknown"
                + " variant is")
        .inFile(source).onLineContaining("@OtherTags");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void secondOtherTagsVariantIsRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged(framed = true)
        public sealed interface Family {
          @OtherTags
          record Unknown(int tag, @RemainingBytes ByteSlice payload) implements Family {}

          @OtherTags // again
          record Unexpected(int tag, @RemainingBytes ByteSlice payload) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("only one variant can keep other tags; Unknown already does")
        .inFile(source).onLineContaining("@OtherTags // again");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"long tag, ", "@U8 int tag, ", "@RemainingBytes ByteSlice payload", "Integer tag, "})
  void otherTagsWhoseFirstComponentIsNotAPlainIntIsRejected(String firstComponent) {
    String components = firstComponent.endsWith(", ")
        ? firstComponent + "@RemainingBytes ByteSlice payload" : firstComponent;
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged(framed = true)
        public sealed interface Family {
          @Tag(1)
          record One(@U8 int value) implements Family {}

          @OtherTags
          record Unknown(%s) implements Family {}
        }
        """.formatted(components));

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "an @OtherTags record's first component receives the tag: declare it as a plain 'int tag', then the"
                + " payload, e.g. '@RemainingBytes ByteSlice payload'")
        .inFile(source).onLineContaining("@OtherTags");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tagAndOtherTagsOnOneVariantAreRejected() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged(framed = true)
        public sealed interface Family {
          @Tag(1)
          @OtherTags
          record Unknown(int tag, @RemainingBytes ByteSlice payload) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("a variant has either a @Tag or @OtherTags, not both")
        .inFile(source).onLineContaining("@OtherTags");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tagOnARecordOutsideAnyFamilyIsRejected() {
    JavaFileObject source = layoutSource("test.Loose", """
        @Tag(1)
        public record Loose(@U8 int value) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@Tag marks a variant, but Loose implements no @Tagged sealed interface")
        .inFile(source).onLineContaining("@Tag(1)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void otherTagsOnARecordOutsideAnyFamilyIsRejected() {
    JavaFileObject source = layoutSource("test.Loose", """
        @OtherTags
        public record Loose(int tag, @RemainingBytes ByteSlice payload) implements Runnable {
          public void run() {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "@OtherTags marks a variant, but Loose implements no @Tagged sealed interface")
        .inFile(source).onLineContaining("@OtherTags");
    assertThat(compilation).hadErrorCount(1);
  }

  // ---- several mistakes, several specs ----

  @Test
  void everyMistakeOfARecordIsReportedInOneCompile() {
    JavaFileObject source = layoutSource("test.Payload", """
        @Record
        public record Payload(
            @U8 int out,
            @FixedBytes(0) ByteSlice bits,
            long size) {}
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("field name 'out' is used by the generated decoder")
        .inFile(source).onLineContaining("int out");
    assertThat(compilation).hadErrorContaining("@FixedBytes needs a positive byte count, not 0")
        .inFile(source).onLineContaining("ByteSlice bits");
    assertThat(compilation).hadErrorContaining("field size has no encoding")
        .inFile(source).onLineContaining("long size");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void everyMistakeOfAFamilyIsReportedInOneCompile() {
    JavaFileObject source = layoutSource("test.Family", """
        @Tagged(
            terminator = 300)
        public sealed interface Family {
          @Tag(1)
          record One(@U8 int value) implements Family {}

          @Tag(1) // taken
          record Two(@U8 int value) implements Family {}

          record Three(@Name int label) implements Family {}
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("terminator 300 is not a byte")
        .inFile(source).onLineContaining("terminator = 300");
    assertThat(compilation).hadErrorContaining("tag 1 already selects One")
        .inFile(source).onLineContaining("@Tag(1) // taken");
    assertThat(compilation).hadErrorContaining("variant Three has no @Tag")
        .inFile(source).onLineContaining("record Three");
    assertThat(compilation).hadErrorCount(3);
  }

  /**
   * A broken spec stops only itself and what uses it: a record next to it is generated, and records and families
   * that use it, directly or not, are left out silently rather than generated to fail with "cannot find symbol".
   */
  @Test
  void brokenSpecDoesNotStopOthersAndItsUsersAreNotGenerated() {
    JavaFileObject valid = layoutSource("test.Valid", """
        @Record
        public record Valid(@U8 int value) {}
        """);
    JavaFileObject broken = layoutSource("test.Broken", """
        @Record
        public record Broken(
            @FixedBytes(0) ByteSlice bits) {}
        """);
    JavaFileObject user = layoutSource("test.User", """
        @Record
        public record User(@Uleb32 int count, Broken broken) {}
        """);
    JavaFileObject indirectUser = layoutSource("test.IndirectUser", """
        @Record
        public record IndirectUser(@Vec List<User> users) {}
        """);
    JavaFileObject family = layoutSource("test.Family", """
        @Tagged
        public sealed interface Family {
          @Tag(1)
          record Plain(@U8 int value) implements Family {}

          @Tag(2)
          record Using(IndirectUser inner) implements Family {}
        }
        """);

    // compile-testing shows no generated file of a failed compile, so the processor's output is recorded.
    RecordedCompilation recorded = compileRecording(valid, broken, user, indirectUser, family);
    Compilation compilation = recorded.compilation();

    assertThat(compilation).hadErrorContaining("@FixedBytes needs a positive byte count, not 0")
        .inFile(broken).onLineContaining("ByteSlice bits");
    assertThat(compilation).hadErrorCount(1);
    assertFalse(describeErrors(compilation).contains("cannot find symbol"), describeErrors(compilation));
    assertEquals(Set.of("test.ValidDecoder", "test.ValidEncoder"), recorded.generatedSources().keySet());
  }

  // ---- generated code must compile whatever the component names ----

  /**
   * The decoder keeps a vector's count in a local {@code <field>Count} and a tested field's position in
   * {@code <field>Position}. A component of that very name must not break the generated code: either the spec is
   * rejected with an error on itself, or the generated code compiles. Today it is accepted and the decoders fail
   * ("variable namesCount is already defined in method decode(ByteReader)").
   */
  @Test
  void componentNamedLikeAGeneratedLocalDoesNotBreakGeneratedCode() {
    JavaFileObject counted = layoutSource("test.Counted", """
        @Record
        public record Counted(
            @Vec(Encoding.NAME) List<String> names,
            @Uleb32 int namesCount) {}
        """);
    JavaFileObject tested = layoutSource("test.Tested", """
        @Record
        public record Tested(
            @U8 int flags,
            @Uleb32 int flagsPosition,
            @PresentWhen(field = "flags", test = Tested.Odd.class) @Uleb32 Integer extra) {
          public static final class Odd implements LongPredicate {
            @Override
            public boolean test(long value) {
              return (value & 1) != 0;
            }
          }
        }
        """);

    Compilation compilation = compile(counted, tested);

    compilation.errors().forEach(error -> {
      String file = error.getSource() == null ? "<no file>" : error.getSource().getName();
      assertFalse(file.endsWith("Decoder.java") || file.endsWith("Encoder.java"),
          "generated code does not compile:\n" + describeErrors(compilation));
    });
  }
}
