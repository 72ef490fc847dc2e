#include <stdio.h>

extern int ready;

int main(void) {
  printf("ready = %d\n", ready);
  return 0;
}
