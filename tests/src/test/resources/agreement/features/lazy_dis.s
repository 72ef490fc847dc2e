# Feature-check input: target_features: -foo.
  .globl flazydis
flazydis:
  .functype flazydis () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 45
  .int8 3
  .ascii "foo"
