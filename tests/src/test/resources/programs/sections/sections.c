/*
 * A section of the program's own: entries placed in section "plugins" (kept by `used`, which clang-19 turns into the
 * segment's RETAIN flag) and found between __start_plugins and __stop_plugins, which the linker defines because the
 * code refers to them. Wide strings sit in string segments aligned to 4, which must not be merged as C strings.
 */
#include <stdio.h>
#include <wchar.h>

struct plugin {
  const char *name;
  int (*run)(int);
};

static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int negate(int x) { return -x; }

#define PLUGIN(f) __attribute__((used, section("plugins"))) static const struct plugin plugin_##f = {#f, f}

PLUGIN(twice);
PLUGIN(square);
PLUGIN(negate);

extern const struct plugin __start_plugins[], __stop_plugins[];

int main(void) {
  printf("%d plugins\n", (int)(__stop_plugins - __start_plugins));
  for (const struct plugin *p = __start_plugins; p < __stop_plugins; p++) {
    printf("%s(7) = %d\n", p->name, p->run(7));
  }
  const wchar_t *volatile wide = L"Hello";
  printf("wcslen(L\"Hello\") = %zu\n", wcslen(wide));
  return 0;
}
