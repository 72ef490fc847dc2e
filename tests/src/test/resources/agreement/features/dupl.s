# Feature-check input: target_features: +foo +foo -foo.
  .globl fdupl
fdupl:
  .functype fdupl () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 3
  .int8 43
  .int8 3
  .ascii "foo"
  .int8 43
  .int8 3
  .ascii "foo"
  .int8 45
  .int8 3
  .ascii "foo"
