// Archive member nothing references: it must NOT be linked, or its constructor prints and changes the exit status.
#include <stdio.h>
#include <stdlib.h>

int helper_unused(int x) { return x * 1000; }

__attribute__((constructor)) static void announce(void) {
  printf("BUG: helpers_unused.o was linked although nothing references it\n");
  exit(99);
}
