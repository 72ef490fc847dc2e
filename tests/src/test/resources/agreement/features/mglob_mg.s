# Feature-check input: target_features: +mutable-globals, globals.
  .globaltype mg2, i32
  .globl mg2
mg2:
  .globl fmg2
fmg2:
  .functype fmg2 () -> (i32)
  global.get mg2
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 43
  .int8 15
  .ascii "mutable-globals"
