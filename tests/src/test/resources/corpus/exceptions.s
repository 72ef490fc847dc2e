# exceptions.s - exception-handling tags (llvm-mc-19, -mattr=+exception-handling).
#
# Exercises R_WASM_TAG_INDEX_LEB: `throw` and `catch` name a tag defined here
# (corpus_tag, exported as a global tag symbol) and a tag imported from env
# (ext_tag). Also a tag section and a tag import. Uses the legacy try/catch
# instructions, which are what llvm-mc-19 implements.

  .tagtype corpus_tag i32
  .globl corpus_tag
corpus_tag:

  .tagtype ext_tag i32, i64

  .globl thrower
  .type thrower,@function
thrower:
  .functype thrower (i32) -> ()
  local.get 0
  throw corpus_tag
  unreachable
  end_function

  .globl catcher
  .type catcher,@function
catcher:
  .functype catcher (i32) -> (i32)
  try i32
  local.get 0
  call thrower
  i32.const 0
  catch corpus_tag
  end_try
  end_function

  .globl throw_external
  .type throw_external,@function
throw_external:
  .functype throw_external () -> ()
  i32.const 1
  i64.const 2
  throw ext_tag
  unreachable
  end_function
