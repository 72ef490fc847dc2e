#include <pthread.h>
#include <stdio.h>

int bounded_call(void);
const char *side_label(void);

static int allowed[2];

static void *worker(void *argument) {
  int id = (int)(long)argument;
  for (int i = 0; i < 8; i++) allowed[id] += bounded_call();
  return 0;
}

int main(void) {
  pthread_t threads[2];
  for (long i = 0; i < 2; i++) pthread_create(&threads[i], 0, worker, (void *)i);
  for (int i = 0; i < 2; i++) pthread_join(threads[i], 0);
  printf("%s: allowed %d and %d\n", side_label(), allowed[0], allowed[1]);
  return 0;
}
