// A shared library's data and code as -fPIC compiles them: pointers in data to its own data, to a static function
// and to a string, a constructor, an undefined function called directly and undefined data read through the GOT.
int counter = 3;
static int hidden_total;
extern int external_value;
extern void host_log(int);
int (*callback)(int);
static int twice(int x) { return 2 * x; }
int *counter_address = &counter;
int (*twice_address)(int) = twice;
const char *greeting = "hello";
int bump(int by) {
  counter += by;
  hidden_total += by;
  host_log(counter);
  return counter + external_value + (callback ? callback(by) : 0);
}
int (*get_twice(void))(int) { return twice; }
__attribute__((constructor)) static void init(void) { counter = 10; }
