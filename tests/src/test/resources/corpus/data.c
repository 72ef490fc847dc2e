/*
 * data.c - global data in .data, .rodata and .bss, and pointers to it.
 *
 * Exercises:
 *   R_WASM_MEMORY_ADDR_LEB    offset immediate of loads/stores of globals (wasm64: _LEB64)
 *   R_WASM_MEMORY_ADDR_SLEB   address of a global in an i32.const (wasm64: _SLEB64)
 *   R_WASM_MEMORY_ADDR_I32    pointers stored in data, with and without an addend
 *                             (wasm64: _I64)
 *   R_WASM_GLOBAL_INDEX_LEB   __stack_pointer, for a function with a stack frame
 * Also: an undefined data symbol and zero-initialised (.bss) segments.
 */

int counter = 1;                               /* .data.counter   */
const int limits[4] = { 10, 20, 30, 40 };      /* .rodata.limits  */
static int scratch[64];                        /* .bss.scratch    */
int zeroed;                                    /* .bss.zeroed     */

extern int external_value;                     /* undefined data  */

int *counter_ptr = &counter;                   /* MEMORY_ADDR_I32, addend 0 */
const int *third_limit = &limits[2];           /* MEMORY_ADDR_I32, addend 8 */
int *external_ptr = &external_value;           /* against an undefined symbol */
int **ptr_to_ptr = &counter_ptr;               /* data pointing at data pointers */

extern void consume(int *values, int count);

int read_counter(void) { return counter + zeroed; }

void store(int i, int v) { scratch[i & 63] = v; }

__attribute__((noinline)) int *scratch_at(int i) { return &scratch[i & 63]; }

const int *limit_table(void) { return limits; }

int read_external(void) { return external_value; }

/* A local array whose address escapes needs a frame on the shadow stack. */
int sum_on_stack(int n) {
  int local[16];
  for (int i = 0; i < 16; i++)
    local[i] = n * i + limits[i & 3];
  consume(local, 16);
  return local[n & 15] + *scratch_at(n);
}
