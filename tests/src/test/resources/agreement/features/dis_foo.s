# Feature-check input: target_features: -foo.
  .globl fdis
fdis:
  .functype fdis () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 45
  .int8 3
  .ascii "foo"
