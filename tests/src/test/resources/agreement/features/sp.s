# Feature-check input: target_features: none, globals.
  .globaltype __stack_pointer, i32
  .globl fsp
fsp:
  .functype fsp () -> (i32)
  global.get __stack_pointer
  end_function
