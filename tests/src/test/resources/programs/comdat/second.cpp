// Second C++ translation unit: emits the same inline/template comdats as first.cpp; the linker keeps one copy.
#include "shared.hpp"

static Announcer second_announcer("second");
static Square square(7);

int second_use() {
  Registry<int>::record(9);
  Registry<double>::record(twice(0.5));
  return inline_counter_bump(twice(2));
}

Bump second_bump_address() { return inline_counter_bump; }

const Shape &second_shape() { return square; }
