// A module that uses what a shared library (pic_shared_library.yaml, pic_library.c linked with -shared) provides: a
// function called directly (imported), data read through GOT.mem, a function pointer the library returns, and a
// pointer in data to the library's data (stored by __wasm_apply_data_relocs from the GOT entry).
extern int counter;
extern int bump(int);
extern int (*get_twice(void))(int);
int *where = &counter;
int run(void) { return bump(2) + *where + get_twice()(5); }
