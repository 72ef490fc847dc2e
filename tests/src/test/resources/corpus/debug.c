/*
 * debug.c - DWARF debug information (built with -g).
 *
 * Exercises relocations in the .debug_* custom sections:
 *   R_WASM_FUNCTION_OFFSET_I32   DW_AT_low_pc / line table addresses of code
 *                                (wasm64: R_WASM_FUNCTION_OFFSET_I64)
 *   R_WASM_SECTION_OFFSET_I32    references between sections (.debug_abbrev,
 *                                .debug_str, .debug_line, ...)
 *   R_WASM_MEMORY_ADDR_I32       DW_OP_addr of global variables (wasm64: _I64)
 *   R_WASM_GLOBAL_INDEX_I32      DW_OP_WASM_location frame base naming the
 *                                __stack_pointer global
 * and the usual code relocations.
 */

struct point {
  int x;
  int y;
};

int visits = 3;
static struct point origin = { 1, 2 };
struct point *origin_ptr = &origin;

extern void observe(struct point *p, int n);

static int manhattan(const struct point *p) {
  int dx = p->x < 0 ? -p->x : p->x;
  int dy = p->y < 0 ? -p->y : p->y;
  return dx + dy;
}

int walk(int steps) {
  struct point path[8];
  for (int i = 0; i < 8; i++) {
    path[i].x = origin.x + i * steps;
    path[i].y = origin.y - i;
  }
  observe(path, 8);
  visits += steps;
  return manhattan(&path[steps & 7]);
}

int scale(int v) { return v * visits; }
