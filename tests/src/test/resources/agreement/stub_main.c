// Calls a function that only a library the loader supplies defines, as stub_library.stub says.
extern int libfn(int);
int helper(int x) { return x * 3; }
int main(void) { return libfn(2); }
