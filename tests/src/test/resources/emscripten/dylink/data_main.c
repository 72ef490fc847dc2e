#include <stdio.h>

int main_counter = 7;
extern int table[4];
extern const char *greeting;
int side_sum(void);
void side_bump_main(int by);

int main(void) {
  side_bump_main(5);
  printf("%s\n", greeting);
  printf("sum=%d table[3]=%d main_counter=%d\n", side_sum(), table[3], main_counter);
  return 0;
}
