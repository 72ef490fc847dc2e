// Link warning case: calls f as int f(int) while mismatch_b.c defines void f(void) ("function signature mismatch: f").
int f(int);

int main(void) { return f(1) == 1 ? 0 : 1; }
