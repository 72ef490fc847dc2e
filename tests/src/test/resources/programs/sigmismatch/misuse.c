// Declares scale with the wrong signature. wasm-ld warns ("function signature mismatch"), and everything this file
// does with scale reaches a stub that traps when called and whose address is the null pointer.
double scale(double x);

double (*misused_scale(void))(double) {
  return scale;
}

double call_misused(double x) {
  return scale(x);
}
