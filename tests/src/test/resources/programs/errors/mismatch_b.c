// Link warning case: defines f as void f(void), which mismatch_a.c calls as int f(int).
void f(void) {}
