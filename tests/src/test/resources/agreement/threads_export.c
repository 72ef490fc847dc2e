// Thread-locals, exported and reached from code, in a threaded link: their exports hold offsets in a thread's block.
_Thread_local int tl = 5;
_Thread_local char tbuf[16];
int shared_total;
int *address_of_tl(void) { return &tl; }
int bump(int by) { tl += by; tbuf[0] = (char)tl; __atomic_fetch_add(&shared_total, by, __ATOMIC_SEQ_CST); return tl; }
