# Feature-check input: target_features: +qux.
  .globl fqux
fqux:
  .functype fqux () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 43
  .int8 3
  .ascii "qux"
