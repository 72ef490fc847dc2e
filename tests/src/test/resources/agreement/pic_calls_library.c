// Calls into a shared library and reads its data through the GOT: what a static link against it can do.
extern int bump(int);
extern int counter;
int run(void) { return bump(2) + counter; }
