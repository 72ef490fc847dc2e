/* The smallest input of bench/link-benchmark: what linking costs when there is almost nothing to link (a few
 * members of wasi-libc), so that start-up and fixed costs show on their own. */
#include <stdio.h>

int main(void) {
  printf("hello, world\n");
  return 0;
}
