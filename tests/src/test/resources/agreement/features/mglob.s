# Feature-check input: target_features: none, globals.
  .globaltype mg, i32
  .globl mg
mg:
  .globaltype ig, i32, immutable
  .globl ig
ig:
  .globl fmg
fmg:
  .functype fmg () -> (i32)
  global.get mg
  global.get ig
  i32.add
  end_function
