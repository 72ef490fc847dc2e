// Exercises weak/strong resolution: strong definitions that override the weak defaults in weak_defaults.c.
#include "weak.h"

const char *greeting(void) { return "strong greeting"; }
int tuning = 42;
