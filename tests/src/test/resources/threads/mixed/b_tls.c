/* Defines `x` as thread-local, as a.c declares it. */
_Thread_local int x = 42;
