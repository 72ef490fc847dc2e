/* A position-independent object (built -fPIC) for an ordinary link: __memory_base read through a GOT entry. */
int x = 5;
int y[100];
__attribute__((visibility("default"))) int *p = &x;
__attribute__((visibility("default"))) int getx(void) { return x + y[3]; }
