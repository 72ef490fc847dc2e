// Throws for exceptions.cpp from another object: both define the weak __cpp_exception tag.
#include "exceptions_thrower.h"

void throw_status(int code) { throw Status(code); }

void throw_number(int number) { throw number; }
