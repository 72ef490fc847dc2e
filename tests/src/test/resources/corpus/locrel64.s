# locrel64.s - hand-written data relocations in a wasm64 object (llvm-mc-19, wasm64).
#
# Exercises R_WASM_MEMORY_ADDR_LOCREL_I32 in a memory64 object (a 32-bit relative
# offset is still 32 bits wide) next to R_WASM_MEMORY_ADDR_I64 (an absolute 64-bit
# pointer). There is no 64-bit LOCREL kind in LLVM 19: `.int64 sym - .` is NOT used
# here because llvm-mc-19 silently drops the "- ." and emits an absolute
# R_WASM_MEMORY_ADDR_I64 instead.

  .section .rodata.target64,"",@
  .p2align 3
target64:
  .int64 0x1122334455667788
  .size target64, 8

  .section .data.mixed64,"",@
  .globl mixed64
  .p2align 3
mixed64:
  .int64 target64             # absolute MEMORY_ADDR_I64
  .int32 target64 - .         # LOCREL_I32
  .int32 0
  .size mixed64, 16
