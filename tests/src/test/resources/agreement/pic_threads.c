// Thread-locals in a position-independent module with shared memory: each thread's block holds its own tl, and its
// own tlp, a pointer in .tdata that __wasm_apply_tls_relocs stores for each block; counter_ptr, a pointer in .data,
// is stored once by __wasm_apply_data_relocs.
int shared_counter = 100;
_Thread_local int tl = 5;
_Thread_local int *tlp = &shared_counter;
int *counter_ptr = &shared_counter;
int bump_tl(int by) { tl += by; return tl; }
int read_through(void) { return *tlp + *counter_ptr; }
int *tl_address(void) { return &tl; }
