// Link error case: a second strong definition of twice(), clashing with duplicate_a.c.
int twice(int x) { return x + x; }
