// The other copy of comdat_inline_a.cpp's comdats: the link keeps one of each group.
template <typename T> T twice(T x) { return x + x; }
inline int shared_inline(int x) { static int calls; return x + ++calls; }
int use_int(int x);
extern "C" int use_both(int x) { return use_int(x) + twice(x) + shared_inline(x); }
