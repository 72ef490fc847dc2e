// Thread-locals reached through GOT entries, as clang writes -fPIC code for those another module may define:
// the entries hold per-thread addresses, set by __wasm_apply_global_tls_relocs or imported from the loader.
_Thread_local int tl_default = 3;
__attribute__((visibility("hidden"))) _Thread_local int tl_hidden = 4;
#ifdef EXTERN
extern _Thread_local int tl_elsewhere;
int get_elsewhere(void) { return tl_elsewhere; }
#endif

int get_default(void) { return tl_default; }
int *address_of_default(void) { return &tl_default; }
int get_hidden(void) { return tl_hidden; }
