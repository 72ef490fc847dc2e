/*
 * functions.c - functions and function pointers.
 *
 * Exercises:
 *   R_WASM_FUNCTION_INDEX_LEB   direct calls to defined and undefined functions
 *   R_WASM_TABLE_INDEX_SLEB     function address taken in code (wasm64: _SLEB64)
 *   R_WASM_TABLE_INDEX_I32      function address stored in data (wasm64: _I64)
 *   R_WASM_TYPE_INDEX_LEB       call_indirect signature
 *   R_WASM_TABLE_NUMBER_LEB     call_indirect table operand (reference-types is on by
 *                               default in clang-19; the -mno-reference-types build lacks it)
 *   R_WASM_FUNCTION_INDEX_I32   __attribute__((annotate)) puts the function index into the
 *                               custom section "llvm.func_attr.annotate.corpus_entry"
 * Also: an import with explicit module/name and an export_name.
 */

typedef int (*unary_fn)(int);

/* Undefined: becomes a function import from "env". */
extern int external_op(int);

/* Undefined with an explicit import module and name. */
__attribute__((import_module("host"), import_name("log_value")))
void host_log(int value);

__attribute__((noinline)) int twice(int x) { return 2 * x; }

__attribute__((noinline)) static int negate(int x) { return -x; }

/* Function pointers in .data: one R_WASM_TABLE_INDEX_I32 per entry. */
unary_fn operations[] = { twice, negate, external_op };

/* Function addresses materialised in code: R_WASM_TABLE_INDEX_SLEB. */
__attribute__((noinline)) unary_fn pick(int which) {
  return which ? twice : negate;
}

/* An indirect call: call_indirect with a type index and a table number. */
__attribute__((noinline)) int apply(unary_fn f, int x) { return f(x); }

int run_all(int x) {
  int acc = 0;
  for (int i = 0; i < 3; i++)
    acc += operations[i](x);
  host_log(acc);
  return acc + twice(x) + external_op(x);
}

__attribute__((annotate("corpus_entry"), export_name("corpus_entry")))
int entry(int x) {
  return apply(pick(x & 1), x);
}
