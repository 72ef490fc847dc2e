/*
 * ctors.c - constructors and destructors with priorities.
 *
 * Exercises: the linking section's INIT_FUNCS subsection (priority + symbol). The
 * constructors with priorities 101 and 200 and the default one (65535) are listed
 * there. clang-19 lowers destructors to a generated constructor that registers a
 * function with __cxa_atexit(fn, 0, &__dso_handle): an undefined function
 * (R_WASM_FUNCTION_INDEX_LEB), an undefined data symbol (R_WASM_MEMORY_ADDR_SLEB) and
 * a function address (R_WASM_TABLE_INDEX_SLEB).
 */

extern void record(int event);

__attribute__((constructor(101))) static void early_init(void) { record(101); }

__attribute__((constructor(200))) void middle_init(void) { record(200); }

__attribute__((constructor)) static void default_init(void) { record(65535); }

__attribute__((destructor(150))) static void teardown(void) { record(-150); }

int main_work(void) {
  record(0);
  return 0;
}
