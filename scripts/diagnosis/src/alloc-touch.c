/* Allocates MIB mebibytes and writes to every page, so the memory is really charged to its cgroup;
 * under a smaller memory limit the kernel's OOM killer ends it with SIGKILL. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  size_t bytes = (argc > 1 ? strtoul(argv[1], NULL, 10) : 64) << 20;
  /* volatile: the pages must really be written, or the compiler drops the whole loop */
  volatile char *p = malloc(bytes);
  unsigned long sum = 0;
  if (!p) {
    fputs("alloc-touch: malloc failed\n", stderr);
    return 1;
  }
  for (size_t i = 0; i < bytes; i += 4096) p[i] = (char)(i >> 12);
  for (size_t i = 0; i < bytes; i += 4096) sum += (unsigned char)p[i];
  printf("alloc-touch: %zu MiB written (checksum %lu)\n", bytes >> 20, sum);
  return 0;
}
