// Archive member pulled in only through helpers_text.o (helper_add) and main.o (helper_version).
#include "helpers.h"

int helper_add(int a, int b) { return a + b; }
const int helper_version = 7;
