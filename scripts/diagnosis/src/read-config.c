/* Reads its configuration from a fixed path and prints it; without the file it says so and exits 1,
 * the way most daemons start: "cannot open /etc/spelunk.conf: No such file or directory". */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "/etc/spelunk.conf";
  char line[256];
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
    return 1;
  }
  while (fgets(line, sizeof line, f)) printf("config: %s", line);
  fclose(f);
  return 0;
}
