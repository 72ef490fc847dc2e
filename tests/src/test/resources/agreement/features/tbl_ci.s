# Feature-check input: target_features: none, call_indirect.
  .globl call_ind
call_ind:
  .functype call_ind () -> ()
  i32.const 1
  call_indirect () -> ()
  end_function
