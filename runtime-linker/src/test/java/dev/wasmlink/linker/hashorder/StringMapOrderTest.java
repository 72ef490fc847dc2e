package dev.wasmlink.linker.hashorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StringMapOrder} against the order LLVM 19's StringMap iterates: the names emcc passes with {@code --export}
 * and {@code --export-if-defined} (16 of them: the table grows from 16 to 32 buckets on the way), in the order
 * wasm-ld-19 acts on them, as a model of the map checked against wasm-ld-19's outputs gave it.
 */
class StringMapOrderTest {
  @Test
  void iteratesInLlvmStringMapOrder() {
    List<String> inserted = List.of("setThrew", "emscripten_stack_init", "main", "__start_em_asm", "__stop_em_asm",
        "malloc", "free", "stackSave", "stackRestore", "stackAlloc", "__errno_location", "__wasm_call_ctors",
        "emscripten_stack_get_end", "emscripten_stack_get_free", "emscripten_stack_get_base", "__stdio_exit");
    assertEquals(List.of("__errno_location", "emscripten_stack_init", "__start_em_asm", "__wasm_call_ctors", "main",
        "stackAlloc", "emscripten_stack_get_base", "stackRestore", "malloc", "emscripten_stack_get_end", "setThrew",
        "__stop_em_asm", "emscripten_stack_get_free", "free", "stackSave", "__stdio_exit"),
        StringMapOrder.of(inserted));
  }

  @Test
  void repeatsAreIgnoredAndNothingIsLost() {
    List<String> inserted = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      inserted.add("name" + (i % 200));
    }
    List<String> ordered = StringMapOrder.of(inserted);
    assertEquals(200, ordered.size());
    assertEquals(200, ordered.stream().distinct().count());
  }
}
