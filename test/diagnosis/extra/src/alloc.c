/* Allocates and touches N MiB, one MiB at a time, then prints how much. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100;
  for (int i = 0; i < n; i++) {
    char *p = malloc(1 << 20);
    if (!p) { perror("malloc"); return 1; }
    memset(p, 1, 1 << 20);
  }
  printf("allocated %d MiB\n", n);
  return 0;
}
