# Feature-check input: target_features: +zzz +aaa +mmm.
  .globl forder
forder:
  .functype forder () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 3
  .int8 43
  .int8 3
  .ascii "zzz"
  .int8 43
  .int8 3
  .ascii "aaa"
  .int8 43
  .int8 3
  .ascii "mmm"
