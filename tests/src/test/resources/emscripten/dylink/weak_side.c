// A weak definition the main module overrides, one it does not, and a weak reference the main module satisfies.
#include <stddef.h>

__attribute__((weak)) const char *flavor(void) { return "side flavor"; }
__attribute__((weak)) const char *color(void) { return "side color"; }
extern int main_setting __attribute__((weak));

const char *side_flavor(void) { return flavor(); }
const char *side_color(void) { return color(); }
int side_setting(void) { return &main_setting != NULL ? main_setting : -1; }
