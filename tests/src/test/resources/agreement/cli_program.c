/* A small program with data, .bss, a string and a function pointer, to link under command-line flags. */
static const char greeting[] = "hello";
int counter = 3;
int buffer[64];
int (*pointer)(int);

static int twice(int x) { return 2 * x; }

void _start(void) {
  pointer = twice;
  buffer[counter] = pointer(greeting[1]);
}
