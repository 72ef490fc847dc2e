/*
 * tls.c - thread-local variables.
 *
 * Built with -matomics -mbulk-memory these are real TLS: .tdata/.tbss segments with
 * the TLS flag, accessed as __tls_base + R_WASM_MEMORY_ADDR_TLS_SLEB (wasm64:
 * R_WASM_MEMORY_ADDR_TLS_SLEB64), and __tls_base read through R_WASM_GLOBAL_INDEX_LEB.
 * Built without those features clang-19 strips TLS and the same variables become
 * ordinary .data/.bss (the "tls-stripped" object).
 */

_Thread_local int tls_counter = 5;         /* .tdata.tls_counter */
_Thread_local char tls_buffer[32];         /* .tbss.tls_buffer   */
static _Thread_local int *tls_last;        /* local TLS symbol   */

extern _Thread_local int tls_external;     /* undefined TLS symbol */

int next_value(void) { return ++tls_counter; }

char *buffer(void) { return tls_buffer; }

void remember(int *p) { tls_last = p; }

int *last(void) { return tls_last; }

int read_external_tls(void) { return tls_external; }
