package dev.wasmlink.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;

/**
 * One thread of a linked tls.c: its instance, its TLS block ({@code size} bytes from {@code tlsBlock}) and the top of
 * its stack. The main instance, which uses the static TLS block {@code __wasm_init_memory} points {@code __tls_base}
 * at, has {@code stackTop} -1.
 */
record WasmThread(Instance instance, int tlsBlock, int tlsSize, int stackTop) {
  /** The thread-locals of tls.c, in the numbering of its {@code tls_address(which)}. */
  enum ThreadLocal {
    CHAR(1), INT(4), DOUBLE(8), ALIGNED_ARRAY(16), ZEROED_ARRAY(4);

    /** The alignment the C type requires. */
    final int alignment;

    ThreadLocal(int alignment) {
      this.alignment = alignment;
    }
  }

  /** Calls an exported function with i32 arguments; its i32 result, or 0 for a function without one. */
  int call(String name, int... arguments) {
    long[] wasmArguments = new long[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      wasmArguments[i] = arguments[i];
    }
    long[] results = instance.export(name).apply(wasmArguments);
    return results == null || results.length == 0 ? 0 : (int) results[0];
  }

  /** The value of an exported i32 global. */
  int global(String name) {
    return global(instance, name);
  }

  static int global(Instance instance, String name) {
    GlobalInstance global = instance.exports().global(name);
    assertNotNull(global, "no exported global " + name);
    return (int) global.getValue();
  }

  /** {@code tls_address(which)}: where this thread's thread-local lives. */
  int address(ThreadLocal which) {
    return call("tls_address", which.ordinal());
  }

  /** {@code tls_object_size(which)}. */
  int size(ThreadLocal which) {
    return call("tls_object_size", which.ordinal());
  }

  /** The values {@code update(id)} stores, as {@code checksum()} combines them (unsigned 32-bit, wrapping). */
  static int expectedChecksum(int id) {
    int sum = (byte) ('a' + id) + (id * 1000 + 7) + (int) ((id + 0.25) * 4);
    for (int i = 0; i < 4; i++) {
      sum = sum * 31 + id * 100 + i;
    }
    for (int i = 0; i < 8; i++) {
      sum = sum * 31 + id + i;
    }
    return sum;
  }

  /** The checksum of the initial values. */
  static int initialChecksum() {
    int sum = 'w' + 0x12345678 + 10;
    for (int i = 0; i < 4; i++) {
      sum = sum * 31 + 11 * (i + 1);
    }
    for (int i = 0; i < 8; i++) {
      sum = sum * 31;
    }
    return sum;
  }

  /** Checks the 0 that {@code check_initial()} or {@code check_updated(id)} returns when all is well. */
  static void assertCheck(String what, int code) {
    assertEquals(0, code, () -> what + " failed at thread-local " + switch (code) {
      case 1 -> "tl_char";
      case 2 -> "tl_int";
      case 3 -> "tl_double";
      case 4 -> "tl_vec (16-byte aligned array)";
      case 5 -> "tl_zero (.tbss array)";
      default -> "#" + code;
    });
  }
}
