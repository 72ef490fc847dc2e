# Feature-check input: target_features: +baz -qux.
  .globl fb
fb:
  .functype fb () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 43
  .int8 3
  .ascii "baz"
  .int8 45
  .int8 3
  .ascii "qux"
