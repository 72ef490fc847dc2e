/*
 * Wide string literals: LLVM 14 puts L"..." in a string segment (flagged STRINGS) aligned to 4. wasm-ld merges only
 * strings of single-byte characters; splitting a wide string at each NUL byte tears its characters apart.
 */
#include <stdio.h>
#include <wchar.h>

int main(void) {
  const wchar_t *greeting = L"Hello";
  const wchar_t *other = L"wide world";
  printf("wcslen: %zu %zu\n", wcslen(greeting), wcslen(other));
  printf("wcscmp: %d\n", wcscmp(greeting, L"Hello") == 0);
  wprintf(L"%ls, %ls!\n", greeting, other);
  return 0;
}
