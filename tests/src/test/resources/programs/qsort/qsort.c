// Exercises qsort and bsearch with comparators: function pointers called through the indirect function table.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
  const char *name;
  int age;
};

static int compare_ints(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int compare_ints_descending(const void *a, const void *b) { return compare_ints(b, a); }

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int compare_people(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  if (p->age != q->age) {
    return p->age - q->age;
  }
  return strcmp(p->name, q->name);
}

static void print_ints(const char *label, const int *values, size_t count) {
  printf("%s:", label);
  for (size_t i = 0; i < count; i++) {
    printf(" %d", values[i]);
  }
  printf("\n");
}

int main(void) {
  int numbers[] = {42, -7, 19, 0, 3, 3, 100, -50, 8, 77};
  size_t count = sizeof numbers / sizeof numbers[0];
  int (*comparators[2])(const void *, const void *) = {compare_ints, compare_ints_descending};
  const char *labels[2] = {"ascending", "descending"};
  for (int i = 0; i < 2; i++) {
    qsort(numbers, count, sizeof numbers[0], comparators[i]);
    print_ints(labels[i], numbers, count);
  }

  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date"};
  size_t word_count = sizeof words / sizeof words[0];
  qsort(words, word_count, sizeof words[0], compare_strings);
  printf("words:");
  for (size_t i = 0; i < word_count; i++) {
    printf(" %s", words[i]);
  }
  printf("\n");
  const char *key = "cherry";
  const char **found = bsearch(&key, words, word_count, sizeof words[0], compare_strings);
  printf("bsearch cherry: index %d\n", found ? (int)(found - words) : -1);

  struct person people[] = {{"Zoe", 30}, {"Adam", 25}, {"Eve", 30}, {"Bob", 25}, {"Cat", 41}};
  size_t people_count = sizeof people / sizeof people[0];
  qsort(people, people_count, sizeof people[0], compare_people);
  for (size_t i = 0; i < people_count; i++) {
    printf("person %zu: %s %d\n", i, people[i].name, people[i].age);
  }
  return 0;
}
