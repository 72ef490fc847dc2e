# Position-independent code as hand-written assembly, with no target_features section: a function and a data symbol
# of its own and undefined data, each reached through the GOT, and an undefined function called directly. Linked
# -shared, wasm-ld 19 allows mutable-globals for the GOT imports; the indirect function table, which no input names,
# is imported after the symbols' imports.
.functype ext (i32) -> (i32)

.globl own_function
own_function:
  .functype own_function () -> ()
  end_function

.globl addresses
addresses:
  .functype addresses () -> (i32)
  global.get own_function@GOT
  global.get own_data@GOT
  i32.add
  global.get undefined_data@GOT
  i32.add
  call ext
  end_function

.globl own_data
.section .data.own_data,"",@
own_data:
  .int32 7
.size own_data, 4
