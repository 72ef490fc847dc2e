// C++ exceptions with WebAssembly exception handling (-fwasm-exceptions): thrown in another object
// (exceptions_thrower.cpp) and caught here by type, rethrown, unwound through destructors, and thrown by libc++
// itself (std::vector::at). Every object defines its own weak __cpp_exception tag; the link must keep one.
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "exceptions_thrower.h"

static int destroyed = 0;

struct Guard {
  ~Guard() { destroyed++; }
};

static int through_guards(int depth, int code) {
  Guard guard;
  if (depth == 0) {
    throw_status(code);
  }
  return through_guards(depth - 1, code);
}

int main() {
  try {
    throw_status(3);
  } catch (const Status &status) {
    std::printf("caught status %d: %s\n", status.code, status.what());
  }
  try {
    throw_number(42);
  } catch (int number) {
    std::printf("caught int %d\n", number);
  }
  try {
    try {
      throw_status(7);
    } catch (...) {
      std::printf("rethrowing\n");
      throw;
    }
  } catch (const std::exception &e) {
    std::printf("caught rethrown std::exception: %s\n", e.what());
  }
  try {
    through_guards(3, 9);
  } catch (const Status &status) {
    std::printf("caught status %d after %d destructors\n", status.code, destroyed);
  }
  std::vector<int> values{1, 2, 3};
  try {
    std::printf("%d\n", values.at(10));
  } catch (const std::out_of_range &) {
    std::printf("caught out_of_range from vector::at\n");
  }
  return 0;
}
