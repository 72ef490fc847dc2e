package dev.wasmlink.linker.threads;

import dev.wasmlink.linker.layout.MemoryLayout;
import dev.wasmlink.linker.layout.OutputSegment;
import dev.wasmlink.linker.symbols.InputGlobal;
import dev.wasmlink.linker.write.Instructions;

/**
 * The body of {@code __wasm_init_memory}, the start function that copies passive segments into memory and clears
 * {@code .bss}. With shared memory every thread's instance runs it, so it works once, behind an atomic flag:
 *
 * <pre>
 * block $drop
 *   block $wait
 *     block $init
 *       flag cmpxchg 0 -> 1; br_table $init $wait $drop   ;; 0: we won, 1: someone is at it, 2: done
 *     end
 *     memory.init / memory.fill each segment; __tls_base = .tdata
 *     flag = 2 (atomic store); notify every waiter; br $drop
 *   end
 *   wait32 while the flag is 1
 * end
 * data.drop each passive segment but .tdata, which __wasm_init_tls copies for each new thread
 * </pre>
 *
 * The same instructions as wasm-ld 19 writes, in the same order, so outputs stay byte-identical. Without shared
 * memory (imported memory whose {@code .bss} must be cleared) there is one instance and no flag. In a
 * position-independent module every address adds {@code __memory_base}.
 */
final class MemoryInitializer {
  private MemoryInitializer() {}

  /**
   * @param tlsBase the global {@code __tls_base}, pointed at the static {@code .tdata} so the main thread can use it
   *     without calling {@code __wasm_init_tls}
   * @param memoryBase the index of the imported {@code __memory_base} of a position-independent module, whose
   *     addresses count from it, or -1: the flag's address is then computed once into local 0, a segment's into
   *     local 1 where {@code __tls_base} takes it too (wasm-ld's code)
   */
  static byte[] body(MemoryLayout memory, InputGlobal tlsBase, int memoryBase) {
    boolean relative = memoryBase >= 0;
    Instructions code = relative ? new Instructions().i32Locals(2) : new Instructions().noLocals();
    Long flag = memory.initFlagAddress();
    Runnable flagAddress = () -> {
      if (relative) {
        code.localGet(0);
      } else {
        code.i32Const(flag);
      }
    };
    if (flag != null) {
      if (relative) {
        code.globalGet(memoryBase).i32Const(flag).i32Add().localSet(0);
      }
      code.block().block().block();
      flagAddress.run();
      code.i32Const(0).i32Const(1).i32AtomicCompareExchange()
          .brTable(2, 0, 1)
          .end();
    }
    for (OutputSegment segment : memory.segments()) {
      if (!segment.loading().isInitializedAtStart()) {
        continue;
      }
      code.i32Const(segment.address());
      if (relative) {
        code.globalGet(memoryBase).i32Add();
      }
      if (flag != null && segment.isTls()) {
        if (relative) {
          code.localTee(1).globalSet(tlsBase.outputIndex()).localGet(1);
        } else {
          code.i32Const(segment.address()).globalSet(tlsBase.outputIndex());
        }
      }
      if (segment.loading().isCopiedAtStart()) {
        code.i32Const(0).i32Const(segment.size()).memoryInit(segment.dataIndex());
      } else {
        code.i32Const(0).i32Const(segment.size()).memoryFill();
      }
    }
    if (flag != null) {
      flagAddress.run();
      code.i32Const(2).i32AtomicStore();
      flagAddress.run();
      code.i32Const(-1).atomicNotify().drop()
          .br(1)
          .end();
      flagAddress.run();
      code.i32Const(1).i64Const(-1).atomicWait32().drop()
          .end();
    }
    for (OutputSegment segment : memory.segments()) {
      if (segment.loading().isCopiedAtStart() && !(flag != null && segment.isTls())) {
        code.dataDrop(segment.dataIndex());
      }
    }
    return code.end().toByteArray();
  }
}
