#include <stdio.h>

const char *flavor(void) { return "main flavor"; }
int main_setting = 42;
const char *side_flavor(void);
const char *side_color(void);
int side_setting(void);

int main(void) {
  printf("%s, %s, setting=%d\n", side_flavor(), side_color(), side_setting());
  return 0;
}
