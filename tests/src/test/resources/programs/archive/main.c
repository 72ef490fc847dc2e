// Exercises archive member extraction: -L<build> -lhelpers pulls helpers_text.o, which pulls helpers_math.o.
#include <stdio.h>

#include "helpers.h"

int main(void) {
  printf("%s\n", helper_describe(20));
  printf("%s\n", helper_describe(-5));
  printf("helpers version %d\n", helper_version);
  return 0;
}
