# Feature-check input: target_features: none, globals.
  .globaltype imut, i32
  .import_module imut, env
  .import_name imut, imut
  .globaltype iimm, i32, immutable
  .import_module iimm, env
  .import_name iimm, iimm
  .globl fimp
fimp:
  .functype fimp () -> (i32)
  global.get imut
  global.get iimm
  i32.add
  end_function
