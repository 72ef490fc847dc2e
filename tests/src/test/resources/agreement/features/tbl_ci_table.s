# Feature-check input: target_features: none, a table of its own, call_indirect.
  .globl call_indirect
call_indirect:
  .functype call_indirect () -> ()
  i32.const 1
  call_indirect () -> ()
  end_function

  .globl table
table:
  .tabletype table, externref
