#include <stdio.h>

typedef int (*binary)(int, int);
binary side_pick(int which);
int side_apply(binary operation, int a, int b);
extern binary side_operations[2];

static int plus(int a, int b) { return a + b; }

int main(void) {
  printf("times=%d minus=%d\n", side_pick(0)(6, 7), side_pick(1)(6, 7));
  printf("plus through the side module=%d\n", side_apply(plus, 6, 7));
  printf("data pointers equal=%d\n", side_operations[1] == side_pick(1));
  return 0;
}
