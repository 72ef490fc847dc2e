// Archive member referenced directly by main.o; it references helper_add, pulling in helpers_math.o.
#include <stdio.h>

#include "helpers.h"

static char description[64];

const char *helper_describe(int value) {
  snprintf(description, sizeof description, "%d plus 22 is %d", value, helper_add(value, 22));
  return description;
}
