/*
 * Built with -fPIC and linked into an ordinary program, as emcc's -sRELOCATABLE builds and many libraries ship
 * objects: data and functions are reached through GOT entries (global.get of GOT.mem/GOT.func), addresses relative
 * to __memory_base and table slots relative to __table_base, all of which the link resolves itself.
 */
#include <stdio.h>
#include <string.h>

int counter = 40;
const char *names[] = {"alpha", "beta", "gamma"};
static int table[4] = {1, 2, 3, 4};

int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

int (*operations[])(int, int) = {add, mul};

int main(void) {
  counter += 2;
  int total = 0;
  for (int i = 0; i < 4; i++) {
    total += table[i];
  }
  printf("counter %d, total %d\n", counter, total);
  for (int i = 0; i < 2; i++) {
    printf("operation %d: %d\n", i, operations[i](6, 7));
  }
  int (*pointer)(int, int) = add;
  printf("pointer equal: %d, strlen: %zu, %s\n", pointer == operations[0], strlen(names[2]), names[1]);
  return 0;
}
