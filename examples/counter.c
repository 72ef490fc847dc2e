// The quick-start example: a per-thread counter in thread-local storage, a shared total, and a function pointer
// (a table slot). `bin/example` compiles it, shows its relocations with `bin/wasmlink dump`, links it with
// `bin/wasm-ld` and runs it. Compiled with -matomics -mbulk-memory its thread-locals would be real TLS (see issue 4);
// here they are lowered to plain globals, as in any single-threaded build.
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
  greeter("wasm");
  printf("the last name greeted on this thread was %s\n", last_name);
  return 0;
}
