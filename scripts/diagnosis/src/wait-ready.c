/* Waits for a file to appear, polling every 100 ms, then prints its first line: how start-up scripts
 * wait for a service ("wait-for-it"). When the file never appears it waits forever. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const struct timespec tick = {0, 100 * 1000 * 1000};
  char line[128] = "";
  if (argc != 2) return 2;
  while (access(argv[1], R_OK) != 0) nanosleep(&tick, NULL);
  FILE *f = fopen(argv[1], "r");
  if (f && fgets(line, sizeof line, f)) printf("ready: %s", line);
  return 0;
}
