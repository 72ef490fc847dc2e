// The quick-start example: a per-thread counter in thread-local storage, a shared total, and a function pointer.
// Built with atomics and bulk memory, its thread-locals are real TLS: look for the TLS data segments and the
// R_WASM_MEMORY_ADDR_TLS_SLEB relocations in `bin/wasmlink dump`.
#include <stdio.h>

static _Thread_local int calls_on_this_thread;
static _Thread_local char last_name[16] = "nobody";
static int total_calls;

static int greet(const char *name) {
  calls_on_this_thread++;
  total_calls++;
  snprintf(last_name, sizeof last_name, "%s", name);
  return printf("hello, %s (call %d on this thread, %d in all)\n", name, calls_on_this_thread, total_calls);
}

int (*greeter)(const char *) = greet;

int main(void) {
  greeter("world");
  greeter(last_name);
  return 0;
}
