// Weak undefined symbols of a shared library: a function (imported, and reached through GOT.func) and data (through
// GOT.mem) are all listed as weak imports in dylink.0, in symbol-table order.
extern int maybe_data __attribute__((weak));
extern void maybe_fn(void) __attribute__((weak));
extern int other_data __attribute__((weak));

void call(void) {
  if (maybe_fn) maybe_fn();
}
int *get(void) { return &maybe_data; }
int *get_other(void) { return &other_data; }
