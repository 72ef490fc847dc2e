// A function the stubbed library needs from the program, defined by a lazily read object.
int archived_helper(int x) { return x + 100; }
