# Feature-check input: target_features: none.
  .functype missing () -> ()
  .globl fu
fu:
  .functype fu () -> ()
  call missing
  end_function
