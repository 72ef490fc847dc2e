// Exercises a program compiled with -g: DWARF custom sections and their relocations must survive linking.
#include <stdio.h>

struct point {
  int x, y;
};

static struct point scale(struct point p, int factor) {
  struct point result = {p.x * factor, p.y * factor};
  return result;
}

static long long fibonacci(int n) {
  long long a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    long long next = a + b;
    a = b;
    b = next;
  }
  return a;
}

int main(void) {
  struct point p = {3, -4};
  for (int factor = 1; factor <= 3; factor++) {
    struct point q = scale(p, factor);
    printf("scale %d: (%d, %d)\n", factor, q.x, q.y);
  }
  for (int n = 0; n <= 50; n += 10) {
    printf("fib(%d) = %lld\n", n, fibonacci(n));
  }
  return 0;
}
