// Exercises function pointers stored in data: handlers defined here, tables of them here and in commands.c.
#include "handlers.h"

int handle_double(int x) { return 2 * x; }
int handle_square(int x) { return x * x; }
int handle_negate(int x) { return -x; }
int handle_increment(int x) { return x + 1; }

// A constant table in .rodata: TABLE_INDEX relocations against functions defined in this object.
const struct handler builtin_handlers[] = {
    {"double", handle_double},
    {"square", handle_square},
    {"negate", handle_negate},
};
const int builtin_handler_count = sizeof builtin_handlers / sizeof builtin_handlers[0];

// A single mutable pointer in .data.
handler_fn default_handler = handle_increment;
