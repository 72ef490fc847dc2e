/*
 * Inline JavaScript and a section of the program's own. emcc finds EM_ASM/EM_JS code as strings in the em_asm
 * segment, between __start_em_asm and __stop_em_asm, which it asks the linker for with --export-if-defined: without
 * them every EM_ASM aborts at run time. C code finds what it put in section "registry" the same way. (main names each
 * entry once: wasm-ld 14 keeps a segment only when something live refers to it, whatever `used` says.)
 */
#include <emscripten.h>
#include <stdio.h>

struct entry {
  const char *name;
  int value;
};

#define REGISTER(n, v) \
  __attribute__((section("registry"))) static const struct entry entry_##n = {#n, v}

REGISTER(alpha, 1);
REGISTER(beta, 20);
REGISTER(gamma, 300);

extern const struct entry __start_registry[], __stop_registry[];

EM_JS(int, triple, (int x), { return x * 3; });

int main(void) {
  const struct entry *registered[] = {&entry_alpha, &entry_beta, &entry_gamma};
  printf("registered %d entries, first %s\n", (int)(sizeof registered / sizeof registered[0]), registered[0]->name);
  EM_ASM({ console.log('EM_ASM says ' + $0 + ' and ' + UTF8ToString($1)); }, 42, "hello");
  int sum = EM_ASM_INT({ return $0 + $1; }, 20, 22);
  printf("EM_ASM_INT: %d, EM_JS: %d\n", sum, triple(14));
  int total = 0;
  for (const struct entry *e = __start_registry; e < __stop_registry; e++) {
    printf("registry: %s = %d\n", e->name, e->value);
    total += e->value;
  }
  printf("%d entries, total %d\n", (int)(__stop_registry - __start_registry), total);
  return 0;
}
