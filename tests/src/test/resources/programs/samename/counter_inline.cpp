// An inline variable: its segment .data.counter is in the comdat "counter", as every C++ object that defines it has.
inline int counter = 7;

extern "C" int inline_counter() {
  return counter++;
}
