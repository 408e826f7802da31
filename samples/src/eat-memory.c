/* Allocates memory 4 MiB at a time and touches every page, reporting each step, until something stops
 * it: in a cgroup with a memory limit, the kernel's OOM killer ends it with SIGKILL. Gives up by itself
 * after 512 MiB (exit 1), so it never eats the machine when no limit is set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  const size_t chunk = 4 << 20;
  char line[64];
  for (int mib = 4; mib <= 512; mib += 4) {
    char *p = malloc(chunk);
    if (!p) return 2;
    memset(p, 1, chunk); /* touch it: only touched pages are charged to the cgroup */
    int n = snprintf(line, sizeof line, "allocated %d MiB\n", mib);
    if (write(1, line, n) != n) return 3;
  }
  return 1;
}
