#include <pthread.h>
#include <stdio.h>

int bump(int by);
int total(void);
int *counter_address(void);

static int totals[2];
static int *addresses[2];

static void *worker(void *argument) {
  int id = (int)(long)argument;
  for (int i = 0; i < 10; i++) bump(id + 1);
  totals[id] = total();
  addresses[id] = counter_address();
  return 0;
}

int main(void) {
  pthread_t threads[2];
  for (long i = 0; i < 2; i++) pthread_create(&threads[i], 0, worker, (void *)i);
  for (int i = 0; i < 2; i++) pthread_join(threads[i], 0);
  printf("thread totals %d %d, own copies %d\n", totals[0], totals[1], addresses[0] != addresses[1]);
  printf("main thread total %d\n", total());
  return 0;
}
