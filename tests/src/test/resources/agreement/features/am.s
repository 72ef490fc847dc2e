# Feature-check input: target_features: +atomics +bulk-memory.
  .globl fam
fam:
  .functype fam () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 43
  .int8 7
  .ascii "atomics"
  .int8 43
  .int8 11
  .ascii "bulk-memory"
