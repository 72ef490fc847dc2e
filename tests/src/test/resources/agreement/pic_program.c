// A PIE's own definitions are final: its GOT entries are internal, set from the bases by __wasm_apply_global_relocs.
int counter = 3;
extern int external_value;
extern void host_log(int);
int (*callback)(int);
static int twice(int x) { return 2 * x; }
int *counter_address = &counter;
int (*twice_address)(int) = twice;
int use_stack(int n) { volatile int buf[8]; for (int i = 0; i < 8; i++) buf[i] = n + i; return buf[n & 7]; }
int main(void) { counter += external_value; host_log(counter + use_stack(3) + twice_address(2)); callback = twice; return 0; }
