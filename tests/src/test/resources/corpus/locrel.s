# locrel.s - hand-written relocations clang does not emit from C (llvm-mc-19, wasm32).
#
# Exercises:
#   R_WASM_MEMORY_ADDR_LOCREL_I32  `.int32 sym - .` in a data segment: the distance
#                                  from the field to a symbol in another segment
#                                  (relative pointers), with and without an addend
#   R_WASM_FUNCTION_INDEX_I32      `.int32 fn@FUNCINDEX` in a custom section: the raw
#                                  function index, for a defined and an undefined function
#   R_WASM_MEMORY_ADDR_I32         an ordinary absolute pointer next to them, for contrast

  .functype imported_fn (i32) -> (i32)

  .globl local_fn
  .type local_fn,@function
local_fn:
  .functype local_fn (i32) -> (i32)
  local.get 0
  call imported_fn
  end_function

  .section .rodata.target,"",@
  .p2align 2
target:
  .int32 42
  .int32 43
  .size target, 8

  .section .data.relative_table,"",@
  .globl relative_table
  .p2align 2
relative_table:
  .int32 target - .           # LOCREL, addend 0
  .int32 target + 4 - .       # LOCREL, addend 4
  .int32 relative_table - .   # same segment: folded to -8 by llvm-mc, no relocation
  .int32 target               # absolute MEMORY_ADDR_I32
  .size relative_table, 16

  .section .custom_section.corpus_function_indices,"",@
  .int32 local_fn@FUNCINDEX
  .int32 imported_fn@FUNCINDEX
