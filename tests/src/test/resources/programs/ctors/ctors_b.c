// Exercises constructor/destructor priorities across objects: this object has 101 and plain ones.
#include <stdio.h>

__attribute__((constructor(101))) static void ctor_b_101(void) { printf("ctor b 101\n"); }
__attribute__((constructor)) static void ctor_b_plain(void) { printf("ctor b plain\n"); }
__attribute__((destructor(101))) static void dtor_b_101(void) { printf("dtor b 101\n"); }
__attribute__((destructor)) static void dtor_b_plain(void) { printf("dtor b plain\n"); }
