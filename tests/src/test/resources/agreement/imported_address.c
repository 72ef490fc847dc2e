/* The address of an imported function: its table slot holds the import, as wasm-ld gives it one. */
__attribute__((import_module("env"), import_name("host_add"))) int host_add(int, int);

typedef int (*binary)(int, int);

__attribute__((export_name("pointer"))) binary pointer(void) { return host_add; }

__attribute__((export_name("call_through"))) int call_through(int a, int b) {
  binary volatile f = host_add;
  return f(a, b);
}
