// C++ comdats (a template, an inline function with a static, a vtable), shared with comdat_inline_b.cpp.
template <typename T> struct Box { T value; virtual T get() const { return value; } virtual ~Box() {} };
template <typename T> T twice(T x) { return x + x; }
inline int shared_inline(int x) { static int calls; return x + ++calls; }
int use_int(int x) { Box<int> b; b.value = x; const Box<int> &r = b; return twice(r.get()) + shared_inline(x); }
