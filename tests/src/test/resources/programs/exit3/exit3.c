// Exercises a non-zero exit status (3) through exit() from a nested call, with an atexit handler; linked with a larger stack.
#include <stdio.h>
#include <stdlib.h>

static void goodbye(void) { printf("atexit: goodbye\n"); }

static void fail_deeply(int depth) {
  if (depth == 0) {
    printf("exiting with status 3\n");
    exit(3);
  }
  fail_deeply(depth - 1);
  printf("not reached\n");
}

int main(void) {
  char big[40000];
  for (unsigned i = 0; i < sizeof big; i++) {
    big[i] = (char)i;
  }
  atexit(goodbye);
  printf("stack buffer checksum: %d\n", big[12345] + big[39999]);
  fail_deeply(5);
  return 0;
}
