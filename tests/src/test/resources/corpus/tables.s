# tables.s - explicit tables and call_indirect in assembly (llvm-mc-19, wasm32,
# -mattr=+reference-types).
#
# Exercises R_WASM_TABLE_NUMBER_LEB against a table defined here (corpus_funcs) and an
# undefined one (ext_refs), and R_WASM_TYPE_INDEX_LEB from call_indirect through a
# table other than __indirect_function_table.

  .tabletype corpus_funcs, funcref
  .globl corpus_funcs
corpus_funcs:

  .tabletype ext_refs, externref

  .globl call_through
  .type call_through,@function
call_through:
  .functype call_through (i32, i32) -> (i32)
  local.get 0
  local.get 1
  call_indirect corpus_funcs, (i32) -> (i32)
  end_function

  .globl funcs_size
  .type funcs_size,@function
funcs_size:
  .functype funcs_size () -> (i32)
  table.size corpus_funcs
  end_function

  .globl ext_ref_at
  .type ext_ref_at,@function
ext_ref_at:
  .functype ext_ref_at (i32) -> (externref)
  local.get 0
  table.get ext_refs
  end_function
