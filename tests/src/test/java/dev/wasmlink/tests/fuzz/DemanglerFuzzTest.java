package dev.wasmlink.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlink.linker.names.Demangler;

/**
 * The demangler on arbitrary names. It has no error to throw: a name it cannot read comes back unchanged, so
 * every exception, and a stack overflow above all, is a finding. Seeds: mangled names from libc++, libc++abi and
 * Rust's std, with a few block invocations and import thunks.
 */
class DemanglerFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void demangle(byte[] data) {
    // ISO-8859-1 maps each byte to one char, so the fuzzer's byte mutations are character mutations.
    String name = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
    String result = Demangler.demangle(name);
    if (result == null) {
      throw new AssertionError("demangle returned null for a non-null name");
    }
  }
}
