/*
 * reftypes.c - reference types and tables (built with -mreference-types).
 *
 * Exercises R_WASM_TABLE_NUMBER_LEB against a table defined in this object (a
 * static __externref_t table becomes a table symbol) and against
 * __indirect_function_table (call_indirect, together with R_WASM_TYPE_INDEX_LEB).
 */

static __externref_t refs[0];

__externref_t get_ref(int i) { return __builtin_wasm_table_get(refs, i); }

void set_ref(int i, __externref_t r) { __builtin_wasm_table_set(refs, i, r); }

int ref_count(void) { return __builtin_wasm_table_size(refs); }

int grow_refs(int n) {
  return __builtin_wasm_table_grow(refs, __builtin_wasm_ref_null_extern(), n);
}

typedef int (*binary_fn)(int, int);

int call_binary(binary_fn f, int a, int b) { return f(a, b); }
