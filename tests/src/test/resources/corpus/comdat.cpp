// comdat.cpp - C++ constructs that become COMDAT groups (built with -fno-exceptions).
//
// Exercises: the linking section's COMDAT_INFO subsection. Inline functions, template
// instantiations, an inline variable, a function-local static of an inline function,
// and a vtable/typeinfo of a class without a key function are each emitted in their own
// comdat group (function and data members), so duplicate copies in several objects
// must be folded by the linker. Also: weak definitions (function and data), which are
// not comdats but must yield to a strong definition; and a vtable, whose data holds
// R_WASM_TABLE_INDEX_I32 entries inside a comdat data segment.

__attribute__((noinline)) inline int square(int x) { return x * x; }

template <typename T>
__attribute__((noinline)) T max_of(T a, T b) { return a > b ? a : b; }

inline int shared_value = 42;                  // C++17 inline variable: comdat data

inline int &instance_count() {
  static int count;                            // comdat .bss (its own group)
  return count;
}

struct Shape {
  virtual int area() const { return 0; }
  virtual int sides() const { return 0; }
};

struct Square : Shape {
  int side = 0;
  int area() const override { return square(side); }
  int sides() const override { return 4; }
};

// Constant-initialised: its vtable pointer is an R_WASM_MEMORY_ADDR_I32 into the
// comdat vtable _ZTV6Square.
Square global_square;

__attribute__((weak)) int tunable() { return 1; }
__attribute__((weak)) int weak_setting = 3;

__attribute__((noinline)) int area_of(const Shape &s) { return s.area(); }

extern "C" int use_all(int a, int b) {
  global_square.side = a;
  return area_of(global_square) + max_of(a, b) + int(max_of<long long>(a, b)) +
         ++instance_count() + shared_value + tunable() + weak_setting;
}
