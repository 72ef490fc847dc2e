# Feature-check input: target_features: +foo +foo.
  .globl fdup2
fdup2:
  .functype fdup2 () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 43
  .int8 3
  .ascii "foo"
  .int8 43
  .int8 3
  .ascii "foo"
