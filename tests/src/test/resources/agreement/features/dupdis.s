# Feature-check input: target_features: -foo -foo.
  .globl fdupdis
fdupdis:
  .functype fdupdis () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 45
  .int8 3
  .ascii "foo"
  .int8 45
  .int8 3
  .ascii "foo"
