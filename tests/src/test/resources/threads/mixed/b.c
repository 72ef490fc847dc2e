/* Defines `x` as an ordinary global: a.c's thread-local declaration disagrees with it. */
int x = 42;
