// Exercises function pointers stored in data: a writable table whose entries point into another object.
#include <stdio.h>
#include <string.h>

#include "handlers.h"

static int handle_cube(int x) { return x * x * x; }

// A writable table in .data mixing a local function and functions from handlers.o; the last slot is filled at run time.
struct handler plugin_handlers[] = {
    {"cube", handle_cube},
    {"square-again", handle_square},
    {"later", 0},
};
const int plugin_handler_count = sizeof plugin_handlers / sizeof plugin_handlers[0];

static handler_fn find(const char *name) {
  for (int i = 0; i < builtin_handler_count; i++) {
    if (strcmp(builtin_handlers[i].name, name) == 0) {
      return builtin_handlers[i].fn;
    }
  }
  for (int i = 0; i < plugin_handler_count; i++) {
    if (plugin_handlers[i].fn && strcmp(plugin_handlers[i].name, name) == 0) {
      return plugin_handlers[i].fn;
    }
  }
  return default_handler;
}

int main(void) {
  plugin_handlers[2].fn = handle_negate;
  const char *script[] = {"double", "cube", "negate", "unknown", "later", "square-again", "square"};
  int value = 3;
  for (unsigned i = 0; i < sizeof script / sizeof script[0]; i++) {
    handler_fn fn = find(script[i]);
    int next = fn(value);
    printf("%-12s %6d -> %d\n", script[i], value, next);
    value = next;
  }
  printf("same pointer across objects: %s\n", plugin_handlers[1].fn == builtin_handlers[1].fn ? "yes" : "no");
  printf("default is increment: %s\n", default_handler == handle_increment ? "yes" : "no");
  printf("distinct handlers: %s\n", builtin_handlers[0].fn != builtin_handlers[2].fn ? "yes" : "no");
  return value == 2136750625 ? 0 : 1;
}
