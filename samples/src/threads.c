/* Three threads each write a line, handing a token through a pipe so the order is fixed:
 * shows clone3, futex waits and the per-thread (tid) lanes of a trace. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int fds[2];

static void *worker(void *arg) {
  long n = (long)arg;
  char token;
  if (n > 0 && read(fds[0], &token, 1) != 1) return NULL;
  printf("thread %ld\n", n);
  fflush(stdout);
  if (write(fds[1], "t", 1) != 1) return NULL;
  return NULL;
}

int main(void) {
  pthread_t t[3];
  if (pipe(fds) != 0) return 1;
  for (long i = 0; i < 3; i++) pthread_create(&t[i], NULL, worker, (void *)i);
  for (int i = 0; i < 3; i++) pthread_join(t[i], NULL);
  return 0;
}
