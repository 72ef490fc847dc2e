/*
 * Thread-locals with external linkage: LLVM 14 (emcc 3.1.6) cannot prove them DSO-local, so every access reads the
 * address from a GOT entry (a GOT.mem import against the TLS symbol), not from __tls_base plus an offset as for the
 * static thread-locals of threads.c. The entry must point into each thread's own block: the threads run together
 * (a barrier holds them), each adds its own amount to its copies, and main's copies, printed last, stay untouched.
 */
#include <pthread.h>
#include <stdio.h>

#define THREADS 3

_Thread_local int counter = 5;
_Thread_local char name[8] = "main";
int (*visible_getter)(void);

static pthread_barrier_t all_running;
static int results[THREADS];
static char names[THREADS][8];

int get_counter(void) { return counter; }

static void *worker(void *arg) {
  int index = (int)(long)arg;
  counter += 7 * (index + 1);
  name[0] = (char)('a' + index);
  name[1] = '\0';
  pthread_barrier_wait(&all_running);
  results[index] = visible_getter();
  for (int i = 0; i < 8; i++) {
    names[index][i] = name[i];
  }
  return 0;
}

int main(void) {
  pthread_t threads[THREADS];
  visible_getter = get_counter;
  pthread_barrier_init(&all_running, 0, THREADS);
  for (long i = 0; i < THREADS; i++) {
    pthread_create(&threads[i], 0, worker, (void *)i);
  }
  for (int i = 0; i < THREADS; i++) {
    pthread_join(threads[i], 0);
  }
  for (int i = 0; i < THREADS; i++) {
    printf("thread %d: counter %d, name %s\n", i, results[i], names[i]);
  }
  printf("main: counter %d, name %s\n", counter, name);
  return 0;
}
