#include <stdio.h>

extern const char *one_based;

int main(void) {
  for (int i = 1; one_based[i] != '\0'; i++) {
    putchar(one_based[i]);
  }
  putchar('\n');
  return 0;
}
