/* A "node-locked licence": runs only on the host whose name it was given, as licence managers do by
 * comparing uname()'s nodename. On another hostname it refuses and exits 3. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(int argc, char **argv) {
  struct utsname u;
  if (argc != 2 || uname(&u) != 0) return 2;
  if (strcmp(u.nodename, argv[1]) != 0) {
    fprintf(stderr, "host-license: licensed for host %s only, this is %s\n", argv[1], u.nodename);
    return 3;
  }
  printf("licence ok on %s\n", u.nodename);
  return 0;
}
