/* Three threads each write a line, in a fixed order: thread N waits for a token on pipe N before it
 * prints, then passes one on pipe N+1, so every run prints "thread 0", "thread 1", "thread 2". Shows
 * clone3, blocking reads and futex waits at pthread_join, each thread in its own lane. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int pipes[4][2];

static void *worker(void *arg) {
  long n = (long)arg;
  char token;
  if (n > 0 && read(pipes[n][0], &token, 1) != 1) return NULL;
  printf("thread %ld\n", n);
  fflush(stdout);
  if (write(pipes[n + 1][1], "t", 1) != 1) return NULL;
  return NULL;
}

int main(void) {
  pthread_t t[3];
  for (int i = 0; i < 4; i++)
    if (pipe(pipes[i]) != 0) return 1;
  for (long i = 0; i < 3; i++) pthread_create(&t[i], NULL, worker, (void *)i);
  for (int i = 0; i < 3; i++) pthread_join(t[i], NULL);
  return 0;
}
