// Function pointers across modules, both ways, in code and in data.
typedef int (*binary)(int, int);

static int times(int a, int b) { return a * b; }
int minus(int a, int b) { return a - b; }

binary side_operations[2] = {times, minus};

binary side_pick(int which) { return side_operations[which]; }

int side_apply(binary operation, int a, int b) { return operation(a, b); }
