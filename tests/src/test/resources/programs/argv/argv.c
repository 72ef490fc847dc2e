// Exercises argv and the environment passed through WASI (args_get, environ_get); exits with argc.
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
  printf("argc = %d\n", argc);
  for (int i = 1; i < argc; i++) {
    printf("argv[%d] = \"%s\"\n", i, argv[i]);
  }
  printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "not NULL");
  int variables = 0;
  for (char **e = environ; e && *e; e++) {
    variables++;
  }
  const char *home = getenv("HOME");
  printf("environment variables: %d, HOME %s\n", variables, home ? "set" : "unset");
  return argc;
}
