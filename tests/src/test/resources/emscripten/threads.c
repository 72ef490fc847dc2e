/*
 * Thread-local storage across pthreads: every thread starts from the .tdata/.tbss images (a non-zero int, a zeroed
 * array, a double, a pointer into .rodata), works on its own copies, and adds into shared counters; main prints,
 * after joining, each thread's result in thread order, the counters, and its own thread-locals, which no other thread
 * may have touched.
 * A barrier keeps all threads alive together, so their thread-local blocks must be distinct.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define THREADS 4
#define SLOTS 8

static _Thread_local int tls_seed = 41;
static _Thread_local int tls_slots[SLOTS];
static _Thread_local double tls_scale = 1.5;
static _Thread_local const char *tls_label = "main";

static atomic_int total;
static long locked_total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t all_running;

struct work {
  int index;
  int result;
  int fresh; /* the thread saw the initial images, not another thread's values */
  int kept;  /* its values were still its own once every thread had written its copies */
  const char *label;
  int *slots;
};

static const char *const labels[THREADS] = {"alpha", "beta", "gamma", "delta"};

static int initial_images(void) {
  if (tls_seed != 41 || tls_scale != 1.5) {
    return 0;
  }
  for (int i = 0; i < SLOTS; i++) {
    if (tls_slots[i] != 0) {
      return 0;
    }
  }
  return 1;
}

static void *worker(void *argument) {
  struct work *work = argument;
  work->fresh = initial_images();
  tls_label = labels[work->index];
  tls_seed += work->index * 10;
  tls_scale *= work->index + 1;
  for (int i = 0; i < SLOTS; i++) {
    tls_slots[i] = tls_seed + i * (work->index + 1);
  }
  int sum = 0;
  for (int i = 0; i < SLOTS; i++) {
    sum += tls_slots[i];
  }
  work->result = sum + (int)(tls_scale * 2);
  work->slots = tls_slots;
  pthread_barrier_wait(&all_running);
  int again = 0;
  for (int i = 0; i < SLOTS; i++) {
    again += tls_slots[i];
  }
  work->kept = again == sum && tls_seed == 41 + work->index * 10 && tls_label == labels[work->index];
  work->label = tls_label;
  atomic_fetch_add(&total, work->result);
  pthread_mutex_lock(&lock);
  locked_total += tls_seed;
  pthread_mutex_unlock(&lock);
  return NULL;
}

int main(void) {
  pthread_t threads[THREADS];
  struct work works[THREADS];
  pthread_barrier_init(&all_running, NULL, THREADS);
  for (int i = 0; i < THREADS; i++) {
    works[i] = (struct work){.index = i};
    if (pthread_create(&threads[i], NULL, worker, &works[i]) != 0) {
      printf("pthread_create %d failed\n", i);
      return 1;
    }
  }
  for (int i = 0; i < THREADS; i++) {
    pthread_join(threads[i], NULL);
  }
  for (int i = 0; i < THREADS; i++) {
    printf("thread %d %s: result %d, started from initial values: %s, kept its own: %s\n", i, works[i].label,
           works[i].result, works[i].fresh ? "yes" : "no", works[i].kept ? "yes" : "no");
  }
  int distinct = 1;
  for (int i = 0; i < THREADS; i++) {
    for (int j = i + 1; j < THREADS; j++) {
      distinct &= works[i].slots != works[j].slots;
    }
    distinct &= works[i].slots != tls_slots;
  }
  printf("thread-local arrays at distinct addresses: %s\n", distinct ? "yes" : "no");
  printf("atomic total %d, mutex total %ld\n", atomic_load(&total), locked_total);
  printf("main: seed %d, scale %.2f, label %s, initial values: %s\n", tls_seed, tls_scale, tls_label,
         initial_images() ? "yes" : "no");
  return 0;
}
