// What exceptions_thrower.cpp throws.
#include <stdexcept>

struct Status : std::runtime_error {
  int code;
  explicit Status(int c) : std::runtime_error("status error"), code(c) {}
};

void throw_status(int code);
void throw_number(int number);
