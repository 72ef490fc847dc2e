# Feature-check input: target_features: +foo +bar.
  .globl fa
fa:
  .functype fa () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 43
  .int8 3
  .ascii "foo"
  .int8 43
  .int8 3
  .ascii "bar"
