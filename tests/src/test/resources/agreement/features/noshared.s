# Feature-check input: target_features: -shared-mem.
  .globl fnosh
fnosh:
  .functype fnosh () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 45
  .int8 10
  .ascii "shared-mem"
