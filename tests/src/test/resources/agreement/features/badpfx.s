# Feature-check input: target_features with +foo and a feature whose prefix is neither +, - nor =.
  .globl fbad
fbad:
  .functype fbad () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 43
  .int8 3
  .ascii "foo"
  .int8 42
  .int8 3
  .ascii "bar"
