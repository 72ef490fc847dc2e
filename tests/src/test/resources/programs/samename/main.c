#include <stdio.h>

int static_counter(void);
int inline_counter(void);

// Each counter must be read from its own segment: one linked from a -r output where both segments are called
// .data.counter reads 42 twice if the inline variable's symbol was recorded against the first of them.
int main(void) {
  int a = static_counter();
  int b = inline_counter();
  int c = static_counter();
  int d = inline_counter();
  printf("static counter: %d then %d\n", a, c);
  printf("inline counter: %d then %d\n", b, d);
  return 0;
}
