// Exercises weak definitions: weak defaults here, one of which strong.c overrides.
#include "weak.h"

__attribute__((weak)) const char *greeting(void) { return "weak default greeting"; }
__attribute__((weak)) const char *farewell(void) { return "weak default farewell"; }
__attribute__((weak)) int tuning = 1;
__attribute__((weak)) int threshold = 10;
