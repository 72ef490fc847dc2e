// Link error case: calls missing_function, which nothing defines (wasm-ld: "undefined symbol: missing_function").
void missing_function(void);

int main(void) {
  missing_function();
  return 0;
}
