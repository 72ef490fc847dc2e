# Feature-check input: target_features: none.
  .globl fnone
fnone:
  .functype fnone () -> ()
  end_function
