#include <string.h>
extern int puts(const char *);
static const char *greeting = "hello";
int counter;
int add(int a, int b) { return a + b + counter; }
int _start_len(void) { return (int)strlen(greeting); }
void _start(void) { counter = add(1, 2) + _start_len(); }
