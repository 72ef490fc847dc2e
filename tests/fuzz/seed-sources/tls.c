#include <string.h>
_Thread_local int tcount = 3;
_Thread_local char tbuf[16];
int bump(void) { tcount++; return tcount + (int)strlen(tbuf); }
void _start(void) { bump(); }
