#include <string.h>
namespace ns { template <typename T> struct Box { T v; Box(T x) : v(x) {} T get() const { return v; } virtual ~Box() {} }; }
struct Base { virtual int f(int x) { return x; } virtual ~Base() {} };
struct Derived : Base { int f(int x) override { return x * 2; } };
template <typename T> T twice(T t) { return t + t; }
static Derived global_d;
int run(const char *s) { ns::Box<long> b{3}; Base *p = &global_d; return p->f(twice<int>(1)) + (int)b.get() + (int)strlen(s); }
extern "C" void _start() { run("x"); }
