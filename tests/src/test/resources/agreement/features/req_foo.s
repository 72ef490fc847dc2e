# Feature-check input: target_features: =foo.
  .globl freq
freq:
  .functype freq () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 61
  .int8 3
  .ascii "foo"
