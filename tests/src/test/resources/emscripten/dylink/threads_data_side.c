// A threaded side module with ordinary data holding pointers: relocated once, shared by every thread.
_Thread_local int calls;
int limit = 5;
int *limit_pointer = &limit;
const char *label = "shared data";

int bounded_call(void) { return ++calls <= *limit_pointer; }
const char *side_label(void) { return label; }
