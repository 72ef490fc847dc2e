/*
 * pic.c - position-independent code (built with -fPIC).
 *
 * Exercises:
 *   R_WASM_MEMORY_ADDR_REL_SLEB    __memory_base + offset of hidden/local data
 *                                  (wasm64: R_WASM_MEMORY_ADDR_REL_SLEB64)
 *   R_WASM_TABLE_INDEX_REL_SLEB    __table_base + offset of hidden/local functions
 *                                  (wasm64: R_WASM_TABLE_INDEX_REL_SLEB64)
 *   R_WASM_GLOBAL_INDEX_LEB        __memory_base, __table_base and GOT entries
 *                                  (GOT.mem.* / GOT.func.* imports) for default-
 *                                  visibility and undefined symbols
 *   R_WASM_MEMORY_ADDR_I32 /       data pointers and function pointers in data, which
 *   R_WASM_TABLE_INDEX_I32         a PIC link must turn into runtime-applied relocations
 *                                  (wasm64: _I64)
 */

#define EXPORTED __attribute__((visibility("default")))

extern int ext_data;
extern int ext_func(int);

static int priv_data = 7;
int hidden_data = 8;                      /* hidden: the default on wasm */
EXPORTED int pub_data = 9;

__attribute__((noinline)) static int priv_func(int x) { return x + priv_data; }
__attribute__((noinline)) int hidden_func(int x) { return x * 3; }
EXPORTED __attribute__((noinline)) int pub_func(int x) { return x - 1; }

int *addr_priv(void) { return &priv_data; }
int *addr_hidden(void) { return &hidden_data; }
int *addr_pub(void) { return &pub_data; }     /* via GOT.mem.pub_data */
int *addr_ext(void) { return &ext_data; }     /* via GOT.mem.ext_data */

typedef int (*fn)(int);
fn fptr_priv(void) { return priv_func; }
fn fptr_hidden(void) { return hidden_func; }
fn fptr_pub(void) { return pub_func; }        /* via GOT.func.pub_func */
fn fptr_ext(void) { return ext_func; }        /* via GOT.func.ext_func */

int use(int v) {
  return ext_func(v) + pub_func(v) + priv_func(v) + hidden_func(v) + ext_data + pub_data;
}

int *data_ptrs[] = { &ext_data, &priv_data, &pub_data };
fn fn_ptrs[] = { ext_func, priv_func, pub_func };
