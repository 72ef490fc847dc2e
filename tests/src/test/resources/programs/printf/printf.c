// Exercises printf formatting of ints, strings, chars and floats (libc's vfprintf, compiler-rt's long double helpers).
#include <stdint.h>
#include <stdio.h>

int main(void) {
  printf("ints: %d %i %u %x %X %o\n", -42, 7, 4000000000u, 0xbeef, 0xCAFE, 8);
  printf("widths: [%5d] [%-5d] [%05d] [%+d]\n", 42, 42, 42, 42);
  printf("long long: %lld %llu\n", (long long)INT64_MIN, (unsigned long long)UINT64_MAX);
  printf("sized: %zu %td %jd %hhd %hd\n", sizeof(int64_t), (ptrdiff_t)-3, (intmax_t)123456789012LL, (signed char)-1,
         (short)-300);
  printf("strings: [%s] [%10s] [%-10s] [%.3s]\n", "wasm", "right", "left", "truncate");
  printf("chars: %c%c%c %%\n", 'l', 'l', 'd');
  printf("floats: %f %.2f %e %g %g\n", 3.14159, 2.71828, 12345.678, 0.0001, 1e20);
  printf("more floats: %.0f %.10f %a %G\n", 2.5, 1.0 / 3.0, 1.0, 1e-10);
  printf("float specials: %f %f %f\n", 1.0 / 0.0, -1.0 / 0.0, -0.0);
  printf("pointer null: %p\n", (void *)0);
  int written = printf("count me\n");
  printf("printf returned %d\n", written);
  return 0;
}
