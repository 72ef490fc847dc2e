// Shared declarations of the handlers program.
typedef int (*handler_fn)(int);

struct handler {
  const char *name;
  handler_fn fn;
};

int handle_double(int);
int handle_square(int);
int handle_negate(int);
int handle_increment(int);

extern const struct handler builtin_handlers[];
extern const int builtin_handler_count;
extern struct handler plugin_handlers[];
extern const int plugin_handler_count;
extern handler_fn default_handler;
