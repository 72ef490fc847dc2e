# Feature-check input: target_features: +bulk-memory.
  .globl fbulk
fbulk:
  .functype fbulk () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 43
  .int8 11
  .ascii "bulk-memory"
