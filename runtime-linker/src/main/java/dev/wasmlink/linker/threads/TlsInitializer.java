package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.layout.ModuleLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputFunction;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.symbols.Symbol;
import dev.wasmlink.linker.write.Instructions;
import java.util.List;

/**
 * The body of {@code __wasm_init_tls(block)}, which a thread runs before touching its thread-locals: point
 * {@code __tls_base} at the block the runtime allocated ({@code __tls_size} bytes aligned to {@code __tls_align}),
 * copy the initial {@code .tdata} (zeros of {@code .tbss} included) into it, then apply the TLS segment's runtime
 * relocations and point the thread-locals' GOT entries into the block, where functions for them exist.
 */
final class TlsInitializer {
  private TlsInitializer() {}

  /**
   * @param tls the passive {@code .tdata} segment, or {@code null} when no live data is thread-local
   * @param applyRelocations {@code __wasm_apply_tls_relocs}, or {@code null}
   * @param applyGlobalRelocations {@code __wasm_apply_global_tls_relocs}, or {@code null}
   */
  static byte[] body(OutputSegment tls, InputGlobal tlsBase, InputFunction applyRelocations,
      InputFunction applyGlobalRelocations) {
    Instructions code = new Instructions().noLocals();
    if (tls != null) {
      code.localGet(0).globalSet(tlsBase.outputIndex())
          .localGet(0).i32Const(0).i32Const(tls.size()).memoryInit(tls.dataIndex());
    }
    if (applyRelocations != null) {
      code.call(applyRelocations.outputIndex());
    }
    if (applyGlobalRelocations != null) {
      code.call(applyGlobalRelocations.outputIndex());
    }
    return code.end().toByteArray();
  }

  /**
   * The body of {@code __wasm_apply_global_tls_relocs}: each thread-local's GOT entry, which starts as the symbol's
   * offset in the block, becomes {@code __tls_base} plus that offset, the symbol's address in this thread.
   */
  static byte[] applyGlobalRelocationsBody(List<Symbol> threadLocals, ModuleLayout layout, InputGlobal tlsBase) {
    Instructions code = new Instructions().noLocals();
    for (Symbol symbol : threadLocals) {
      code.globalGet(tlsBase.outputIndex()).i32Const(layout.threadLocalOffsetOf(symbol)).i32Add()
          .globalSet(layout.got().entry(symbol).outputIndex());
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
