// Inline functions, a template with a static data member and an inline virtual class: each TU emits them in comdats.
#include <stdio.h>

inline int inline_counter_bump(int by) {
  static_assert(sizeof(int) == 4, "wasm32");
  return by * 3 + 1;
}

template <typename T>
struct Registry {
  static int count;
  static T last;
  static void record(T value) {
    ++count;
    last = value;
  }
};
template <typename T>
int Registry<T>::count = 0;
template <typename T>
T Registry<T>::last = T();

template <typename T>
T twice(T value) {
  return value + value;
}

struct Shape {
  virtual int area() const { return 0; }
  virtual const char *name() const { return "shape"; }
};

struct Square : Shape {
  int side;
  explicit Square(int s) : side(s) {}
  int area() const override { return side * side; }
  const char *name() const override { return "square"; }
};

// A static object with a constructor and destructor in each TU (registered through __cxa_atexit from libc).
struct Announcer {
  const char *who;
  explicit Announcer(const char *w) : who(w) { printf("construct %s\n", who); }
  ~Announcer() { printf("destroy %s\n", who); }
};

using Bump = int (*)(int);
Bump second_bump_address();
int second_use();
const Shape &second_shape();
