// Exercises weak/strong overrides and weak undefined symbols (a function and data compared against NULL).
#include <stdio.h>

#include "weak.h"

int main(void) {
  printf("greeting: %s\n", greeting());
  printf("farewell: %s\n", farewell());
  printf("tuning: %d, threshold: %d\n", tuning, threshold);
  void (*volatile hook)(void) = optional_hook;
  if (hook) {
    hook();
    printf("optional_hook present\n");
  } else {
    printf("optional_hook is NULL\n");
  }
  int *volatile counter = &optional_counter;
  printf("optional_counter is %s\n", counter ? "present" : "NULL");
  return tuning == 42 && hook == 0 && counter == 0 ? 0 : 1;
}
