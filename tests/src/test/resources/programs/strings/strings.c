// Exercises malloc/free/realloc and string functions: strcpy, strlen, strcmp, snprintf, memcpy, memmove, strdup.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *buffer = malloc(8);
  size_t capacity = 8, length = 0;
  buffer[0] = '\0';
  for (int i = 0; i < 20; i++) {
    char piece[16];
    int n = snprintf(piece, sizeof piece, "%d,", i * i);
    while (length + (size_t)n + 1 > capacity) {
      capacity *= 2;
      buffer = realloc(buffer, capacity);
    }
    memcpy(buffer + length, piece, (size_t)n + 1);
    length += (size_t)n;
  }
  printf("squares: %s\n", buffer);
  printf("length %zu, strlen %zu, capacity %zu\n", length, strlen(buffer), capacity);

  char copy[64];
  strcpy(copy, "hello");
  strcat(copy, ", world");
  printf("copy: %s (%zu)\n", copy, strlen(copy));
  printf("strcmp: %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("same", "same"), strcmp("b", "a") > 0);
  printf("strncmp: %d\n", strncmp("prefix-one", "prefix-two", 7));

  memmove(copy + 2, copy, 5);
  copy[7] = '\0';
  printf("memmove: %s\n", copy);

  char *duplicate = strdup("duplicated string");
  duplicate[0] = 'D';
  printf("strdup: %s\n", duplicate);
  printf("strchr: %s, strrchr: %s, strstr: %s\n", strchr(duplicate, 'i'), strrchr(duplicate, 'i'),
         strstr(duplicate, "str"));

  char truncated[8];
  int wanted = snprintf(truncated, sizeof truncated, "%s-%d", "truncation", 12345);
  printf("snprintf wanted %d, got \"%s\"\n", wanted, truncated);

  void *blocks[32];
  for (int i = 0; i < 32; i++) {
    blocks[i] = calloc((size_t)i + 1, 100);
    memset(blocks[i], i, (size_t)(i + 1) * 100);
  }
  long sum = 0;
  for (int i = 0; i < 32; i++) {
    sum += ((unsigned char *)blocks[i])[(size_t)i * 100];
    free(blocks[i]);
  }
  printf("calloc/free checksum: %ld\n", sum);

  free(duplicate);
  free(buffer);
  return 0;
}
