// Exercises constructor/destructor priorities across objects, plus atexit: this object has 102 and plain ones.
#include <stdio.h>
#include <stdlib.h>

static void at_exit_handler(void) { printf("atexit handler\n"); }

__attribute__((constructor(102))) static void ctor_a_102(void) { printf("ctor a 102\n"); }
__attribute__((constructor)) static void ctor_a_plain(void) { printf("ctor a plain\n"); }
__attribute__((destructor(102))) static void dtor_a_102(void) { printf("dtor a 102\n"); }
__attribute__((destructor)) static void dtor_a_plain(void) { printf("dtor a plain\n"); }

int main(void) {
  atexit(at_exit_handler);
  printf("main\n");
  return 0;
}
