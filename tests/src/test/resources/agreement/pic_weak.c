// A shared library's weak definitions may be overridden by a module loaded before it: the function is imported as
// well, and calls go to the import; the data is reached through GOT.mem.
__attribute__((weak)) int weak_fn(int x) { return x + 1; }
__attribute__((weak)) int weak_data = 7;
int use(int y) { return weak_fn(y) + weak_data; }
