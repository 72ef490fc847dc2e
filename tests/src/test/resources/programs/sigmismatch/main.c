#include <stdio.h>

int scale(int x);
double (*misused_scale(void))(double);
double call_misused(double x);

// Links with a signature mismatch (misuse.c): the good calls work, the mismatched ones meet the stub, which is there
// in a relocatable output (-r) too, so the program linked from that output is this one.
int main(int argc, char **argv) {
  (void)argv;
  printf("scale(14) = %d\n", scale(14));
  printf("scale as misuse.c sees it: %s\n", misused_scale() ? "a function" : "null");
  if (argc > 1) {
    call_misused(1.0);  // traps
  }
  return 0;
}
