// Sorting and the heap through emscripten's libc: linked by emcc with wasmlink in place of wasm-ld-14.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void) {
  int v[] = {5, 3, 9, 1};
  qsort(v, 4, sizeof v[0], cmp);
  char *s = malloc(32); strcpy(s, "emscripten");
  printf("%s %d %d %d %d\n", s, v[0], v[1], v[2], v[3]);
  free(s);
  return 0;
}
