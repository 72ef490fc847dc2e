// Link error case: defines twice(), as duplicate_b.c does (wasm-ld: "duplicate symbol: twice").
int twice(int x) { return 2 * x; }

int main(void) { return twice(0); }
