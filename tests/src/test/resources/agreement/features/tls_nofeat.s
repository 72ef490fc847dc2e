# Feature-check input: target_features: none, globals, thread-local data.
  .globaltype __tls_base, i32
  .globl get_tls
get_tls:
  .functype get_tls () -> (i32)
  global.get __tls_base
  i32.const tlsvar@TLSREL
  i32.add
  i32.load 0
  end_function

  .section .tdata.tlsvar,"T",@
  .globl tlsvar
  .p2align 2
tlsvar:
  .int32 1
  .size tlsvar, 4
