package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.write.Instructions;

/**
 * The body of {@code __wasm_init_tls(block)}, which a thread runs before touching its thread-locals: point
 * {@code __tls_base} at the block the runtime allocated ({@code __tls_size} bytes aligned to {@code __tls_align}),
 * copy the initial {@code .tdata} (zeros of {@code .tbss} included) into it, then apply the TLS segment's runtime
 * relocations, if a function for them exists.
 */
final class TlsInitializer {
  private TlsInitializer() {}

  /**
   * @param tls the passive {@code .tdata} segment, or {@code null} when no live data is thread-local
   * @param applyRelocations {@code __wasm_apply_tls_relocs}, or {@code null}
   */
  static byte[] body(OutputSegment tls, InputGlobal tlsBase, InputFunction applyRelocations) {
    Instructions code = new Instructions().noLocals();
    if (tls != null) {
      code.localGet(0).globalSet(tlsBase.outputIndex())
          .localGet(0).i32Const(0).i32Const(tls.size()).memoryInit(tls.dataIndex());
    }
    if (applyRelocations != null) {
      code.call(applyRelocations.outputIndex());
    }
    return code.end().toByteArray();
  }

  /**
   * The body of {@code __wasm_apply_tls_relocs}. A static link resolves every relocation of {@code .tdata} into its
   * bytes, which each thread copies, so nothing is left to do at run time; wasm-ld still writes the function.
   */
  static byte[] applyRelocationsBody() {
    return new Instructions().noLocals().end().toByteArray();
  }
}
