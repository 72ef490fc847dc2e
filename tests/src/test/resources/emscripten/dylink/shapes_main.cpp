#include <cstdio>
#include "shapes.h"

int main() {
  for (int kind = 0; kind < 2; kind++) {
    Shape *shape = make_shape(kind, 6);
    std::printf("%s: %d\n", shape->name(), shape->area());
    delete shape;
  }
  return 0;
}
