/* Needs SPELUNK_HOME in its environment, like a tool that finds its data through a variable
 * (JAVA_HOME, PYTHONHOME): without it, one line on stderr and exit 2. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char *home = getenv("SPELUNK_HOME");
  if (!home) {
    fputs("need-env: SPELUNK_HOME is not set\n", stderr);
    return 2;
  }
  printf("SPELUNK_HOME=%s\n", home);
  return 0;
}
