package dev.wasmlink.linker.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmlink.spec.format.TypeEntry.FunctionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each signature once, found again by value: FunctionType's own equals and hashCode decide what is the same. */
class TypeSectionTest {
  private static final int I32 = 0x7F;
  private static final int I64 = 0x7E;

  @Test
  void aSignatureIsRegisteredOnceAndFoundByValue() {
    TypeSection section = new TypeSection();
    assertEquals(0, section.register(type(List.of(I32, I32), List.of(I32))));
    assertEquals(1, section.register(type(List.of(), List.of())));
    // Equal lists of another kind (as decoders and linker code build them) are the same signature.
    assertEquals(0, section.register(type(new ArrayList<>(List.of(I32, I32)), new ArrayList<>(List.of(I32)))));
    assertEquals(1, section.indexOf(type(new ArrayList<>(), List.of())));
    assertEquals(2, section.register(type(List.of(I64), List.of())));
    assertEquals(3, section.types().size());
  }

  @Test
  void parametersAndResultsAreNotInterchangeable() {
    TypeSection section = new TypeSection();
    assertEquals(0, section.register(type(List.of(I32), List.of())));
    assertEquals(1, section.register(type(List.of(), List.of(I32))));
    assertEquals(2, section.register(type(List.of(I32, I64), List.of())));
    assertEquals(3, section.register(type(List.of(I32), List.of(I64))));
    assertEquals(4, section.register(type(List.of(I64, I32), List.of())));
    assertEquals(5, section.types().size());
  }

  private static FunctionType type(List<Integer> parameters, List<Integer> results) {
    return new FunctionType(parameters, results);
  }
}
