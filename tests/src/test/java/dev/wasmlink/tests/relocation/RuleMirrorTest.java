package dev.wasmlink.tests.relocation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmlink.spec.reloc.FieldEncoding;
import dev.wasmlink.spec.reloc.PatchableFields;
import dev.wasmlink.spec.reloc.RelocationResolver;
import dev.wasmlink.spec.reloc.RelocationRule;
import dev.wasmlink.spec.reloc.RelocationSite;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The annotation processor cannot depend on the spec module, so it keeps its own copies of two spec enums:
 * {@code processor.relocation.Rule} mirrors {@link RelocationRule} and {@code processor.relocation.Field} mirrors
 * {@link FieldEncoding}. Nothing but this test keeps the copies in step; both are package-private, so they are
 * reached by reflection.
 */
class RuleMirrorTest {
  private static final String RULE = "dev.wasmlink.processor.relocation.Rule";
  private static final String FIELD = "dev.wasmlink.processor.relocation.Field";

  private static Object[] constants(String className) throws ClassNotFoundException {
    Class<?> type = Class.forName(className);
    assertTrue(type.isEnum(), className + " is not an enum");
    return type.getEnumConstants();
  }

  private static Object call(Object target, String methodName) throws ReflectiveOperationException {
    Method method = target.getClass().getDeclaredMethod(methodName);
    method.setAccessible(true);
    return method.invoke(target);
  }

  private static Object field(Object target, String fieldName) throws ReflectiveOperationException {
    Field field = target.getClass().getDeclaredField(fieldName);
    field.setAccessible(true);
    return field.get(target);
  }

  private static List<String> names(Object[] constants) {
    return Arrays.stream(constants).map(constant -> ((Enum<?>) constant).name()).toList();
  }

  // --- Rule mirrors RelocationRule ---------------------------------------------------------------------------------

  @Test
  void ruleHasTheConstantsOfRelocationRuleInTheSameOrder() throws Exception {
    assertEquals(names(RelocationRule.values()), names(constants(RULE)));
  }

  @Test
  void ruleHasTheSameAddendIndexOnlyAndTargetAsRelocationRule() throws Exception {
    Object[] mirror = constants(RULE);
    RelocationRule[] spec = RelocationRule.values();
    assertEquals(spec.length, mirror.length);
    for (int i = 0; i < spec.length; i++) {
      RelocationRule expected = spec[i];
      Object actual = mirror[i];
      assertEquals(expected.name(), ((Enum<?>) actual).name());
      assertEquals(expected.takesAddend(), call(actual, "takesAddend"), expected + ".takesAddend()");
      assertEquals(expected.isIndexOnly(), call(actual, "isIndexOnly"), expected + ".isIndexOnly()");
      assertEquals(expected.target().name(), call(actual, "target"), expected + ".target()");
    }
  }

  @Test
  void ruleFormulasCallOnlyResolverMethodsThatExist() throws Exception {
    // The generated value() calls these by name on a RelocationResolver; a renamed method would only show up when
    // the spec module is next compiled.
    Pattern call = Pattern.compile("resolver\\.(\\w+)\\((site)?\\)");
    for (Object rule : constants(RULE)) {
      String formula = (String) field(rule, "formula");
      Matcher matcher = call.matcher(formula);
      int calls = 0;
      while (matcher.find()) {
        calls++;
        Class<?>[] parameters = matcher.group(2) == null ? new Class<?>[0] : new Class<?>[] {RelocationSite.class};
        Method method = RelocationResolver.class.getMethod(matcher.group(1), parameters);
        assertEquals(long.class, method.getReturnType(), formula);
      }
      assertTrue(calls > 0, rule + " formula calls no resolver method: " + formula);
      RelocationRule spec = RelocationRule.valueOf(((Enum<?>) rule).name());
      assertEquals(spec.takesAddend(), formula.contains("site.addend()"), rule + ": addend in " + formula);
    }
  }

  @Test
  void ruleBaseRelativeIsWhatMakesAKindPicOnly() throws Exception {
    // The processor derives picOnly from isBaseRelative; the spec's rules that subtract a base are these two.
    for (Object rule : constants(RULE)) {
      RelocationRule spec = RelocationRule.valueOf(((Enum<?>) rule).name());
      boolean subtractsABase = spec.formula().contains("__memory_base") || spec.formula().contains("__table_base");
      assertEquals(subtractsABase, call(rule, "isBaseRelative"), rule.toString());
    }
  }

  // --- Field mirrors FieldEncoding ---------------------------------------------------------------------------------

  @Test
  void fieldHasTheConstantsOfFieldEncodingInTheSameOrder() throws Exception {
    assertEquals(names(FieldEncoding.values()), names(constants(FIELD)));
  }

  @Test
  void fieldHasTheSameWidthClassAsFieldEncoding() throws Exception {
    Object[] mirror = constants(FIELD);
    FieldEncoding[] spec = FieldEncoding.values();
    assertEquals(spec.length, mirror.length);
    for (int i = 0; i < spec.length; i++) {
      FieldEncoding expected = spec[i];
      Object actual = mirror[i];
      assertEquals(expected.name(), ((Enum<?>) actual).name());
      assertEquals(expected.isWide(), call(actual, "isWide"), expected + ".isWide()");
      boolean leb = expected != FieldEncoding.I32 && expected != FieldEncoding.I64;
      assertEquals(leb, call(actual, "isLeb"), expected + ".isLeb()");
    }
  }

  @Test
  void fieldSupportMethodsExistInPatchableFields() throws Exception {
    // The generated apply() and read() call PatchableFields by these names.
    for (Object field : constants(FIELD)) {
      String name = ((Enum<?>) field).name();
      String write = (String) call(field, "writeMethod");
      String read = (String) call(field, "readMethod");
      String fits = (String) call(field, "fitsMethod");
      assertAll(name,
          () -> {
            Method method = PatchableFields.class.getMethod(write, byte[].class, int.class, long.class);
            assertTrue(Modifier.isStatic(method.getModifiers()), write);
          },
          () -> {
            Method method = PatchableFields.class.getMethod(read, byte[].class, int.class);
            assertTrue(Modifier.isStatic(method.getModifiers()), read);
            assertEquals(long.class, method.getReturnType(), read);
          },
          () -> {
            boolean wide = FieldEncoding.valueOf(name).isWide();
            if (wide) {
              assertEquals(null, fits, name + " is 64-bit and needs no range check");
            } else {
              assertNotNull(fits, name + " is 32-bit and needs a range check");
              Method method = PatchableFields.class.getMethod(fits, long.class);
              assertEquals(boolean.class, method.getReturnType(), fits);
            }
          },
          () -> assertTrue(write.toLowerCase().contains(name.toLowerCase()), write + " for " + name),
          () -> assertTrue(read.toLowerCase().contains(name.toLowerCase()), read + " for " + name));
    }
  }

  @Test
  void unsignedLeb32IsCheckedAsUnsigned() throws Exception {
    for (Object field : constants(FIELD)) {
      String name = ((Enum<?>) field).name();
      String fits = (String) call(field, "fitsMethod");
      if (name.equals("ULEB32")) {
        assertEquals("fitsUleb32", fits);
      } else if (fits != null) {
        assertFalse(fits.equals("fitsUleb32"), name + " is checked with " + fits);
      }
    }
  }
}
