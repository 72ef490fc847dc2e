// A program whose link keeps relocations (--emit-relocs): every kind of chunk and relocation an ordinary C
// program has, so that the linking and reloc.* sections of the output cover them.
#include <stdio.h>
#include <string.h>

extern unsigned char __heap_base;
extern unsigned char __data_end;

static int counter;                              // .bss
static char scratch[64];                         // .bss, written through a pointer below
int table[4] = {1, 2, 3, 4};                     // .data
const char *const names[] = {"zero", "one"};     // .rodata holding addresses of strings (R_WASM_MEMORY_ADDR_I32)
static int twice(int x) { return 2 * x; }
static int thrice(int x) { return 3 * x; }
int (*operations[])(int) = {twice, thrice};      // function addresses in data (R_WASM_TABLE_INDEX_I32)
__attribute__((weak)) int tunable = 7;           // a weak definition
__attribute__((weak)) void optional_hook(void);  // weak and never defined: no table slot, no import

__attribute__((constructor(150))) static void early(void) { counter = 1; }
__attribute__((constructor)) static void late(void) { counter *= 10; }

__attribute__((noinline)) int apply(int which, int value) { return operations[which & 1](value); }

int main(void) {
  if (optional_hook) {
    optional_hook();
  }
  snprintf(scratch, sizeof scratch, "%s %d", names[counter == 10], apply(1, tunable));
  printf("%s %zu %d\n", scratch, strlen(scratch), &__heap_base > &__data_end);
  return 0;
}
