/*
 * Per-thread storage under shared memory, for ThreadLocalStorageTest. Freestanding: no libc, no stack use in the
 * exported functions (everything lives in globals or thread-locals), so one instance per host thread needs only its
 * own TLS block.
 */

#define EXPORT(name) __attribute__((export_name(name)))

/* Thread-locals of different sizes and alignments; all but the last live in .tdata, the last in .tbss. */
_Thread_local char tl_char = 'w';
_Thread_local int tl_int = 0x12345678;
_Thread_local double tl_double = 2.5;
_Thread_local _Alignas(16) int tl_vec[4] = {11, 22, 33, 44};
_Thread_local int tl_zero[8];

/* Shared between threads. */
_Atomic int shared_counter;

/* 0 when this thread's thread-locals hold their initial values, else the number of the first that does not. */
EXPORT("check_initial") int check_initial(void) {
  if (tl_char != 'w') return 1;
  if (tl_int != 0x12345678) return 2;
  if (tl_double != 2.5) return 3;
  for (int i = 0; i < 4; i++) {
    if (tl_vec[i] != 11 * (i + 1)) return 4;
  }
  for (int i = 0; i < 8; i++) {
    if (tl_zero[i] != 0) return 5;
  }
  return 0;
}

/* Writes values derived from id into this thread's thread-locals and adds id + 1 to the shared counter. */
EXPORT("update") void update(int id) {
  tl_char = (char)('a' + id);
  tl_int = id * 1000 + 7;
  tl_double = id + 0.25;
  for (int i = 0; i < 4; i++) {
    tl_vec[i] = id * 100 + i;
  }
  for (int i = 0; i < 8; i++) {
    tl_zero[i] = id + i;
  }
  __c11_atomic_fetch_add(&shared_counter, id + 1, __ATOMIC_SEQ_CST);
}

/* 0 when this thread's thread-locals hold what update(id) wrote, else the number of the first that does not. */
EXPORT("check_updated") int check_updated(int id) {
  if (tl_char != (char)('a' + id)) return 1;
  if (tl_int != id * 1000 + 7) return 2;
  if (tl_double != id + 0.25) return 3;
  for (int i = 0; i < 4; i++) {
    if (tl_vec[i] != id * 100 + i) return 4;
  }
  for (int i = 0; i < 8; i++) {
    if (tl_zero[i] != id + i) return 5;
  }
  return 0;
}

/* A checksum of this thread's thread-locals (unsigned, so that it wraps like the host's int arithmetic). */
EXPORT("checksum") unsigned checksum(void) {
  unsigned sum = (unsigned)tl_char + (unsigned)tl_int + (unsigned)(tl_double * 4);
  for (int i = 0; i < 4; i++) sum = sum * 31 + (unsigned)tl_vec[i];
  for (int i = 0; i < 8; i++) sum = sum * 31 + (unsigned)tl_zero[i];
  return sum;
}

/* The address of thread-local number which (0 char, 1 int, 2 double, 3 aligned array, 4 zeroed array), or -1. */
EXPORT("tls_address") int tls_address(int which) {
  switch (which) {
    case 0: return (int)&tl_char;
    case 1: return (int)&tl_int;
    case 2: return (int)&tl_double;
    case 3: return (int)tl_vec;
    case 4: return (int)tl_zero;
    default: return -1;
  }
}

/* The size in bytes of thread-local number which, or -1. */
EXPORT("tls_object_size") int tls_object_size(int which) {
  switch (which) {
    case 0: return sizeof tl_char;
    case 1: return sizeof tl_int;
    case 2: return sizeof tl_double;
    case 3: return sizeof tl_vec;
    case 4: return sizeof tl_zero;
    default: return -1;
  }
}

/* The shared counter, read atomically. */
EXPORT("counter") int counter(void) {
  return __c11_atomic_load(&shared_counter, __ATOMIC_SEQ_CST);
}
