# Feature-check input: target_features: none, .bss.
  .globl fbss
fbss:
  .functype fbss () -> (i32)
  i32.const bssvar
  i32.load 0
  i32.const datavar
  i32.load 0
  i32.add
  end_function
  .section .bss.bssvar,"",@
  .globl bssvar
  .p2align 2
bssvar:
  .int32 0
  .size bssvar, 4
  .section .data.datavar,"",@
  .globl datavar
  .p2align 2
datavar:
  .int32 7
  .size datavar, 4
