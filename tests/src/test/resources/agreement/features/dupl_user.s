# Feature-check input: target_features: +foo.
  .globl fdu
fdu:
  .functype fdu () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 43
  .int8 3
  .ascii "foo"
