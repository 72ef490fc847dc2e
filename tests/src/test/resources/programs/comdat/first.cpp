// C++ translation unit with main: uses the comdat functions and data from shared.hpp, as second.cpp does.
#include "shared.hpp"

static Announcer first_announcer("first");

int main() {
  Registry<int>::record(5);
  Registry<double>::record(twice(1.25));
  int from_second = second_use();
  printf("inline bump: %d, from second: %d\n", inline_counter_bump(10), from_second);
  printf("Registry<int>: count %d last %d\n", Registry<int>::count, Registry<int>::last);
  printf("Registry<double>: count %d last %.2f\n", Registry<double>::count, Registry<double>::last);
  printf("twice<int>(21) = %d, twice<long long>(1<<20) = %lld\n", twice(21), twice(1LL << 20));
  Bump mine = inline_counter_bump;
  printf("inline function has one address: %s\n", mine == second_bump_address() ? "yes" : "no");
  Square local(4);
  const Shape &shapes0 = local;
  const Shape &shapes1 = second_shape();
  printf("%s area %d, %s area %d\n", shapes0.name(), shapes0.area(), shapes1.name(), shapes1.area());
  return Registry<int>::count == 2 ? 0 : 1;
}
