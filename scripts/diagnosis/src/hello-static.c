/* hello, linked statically (-static): no loader, no libraries, so it runs alone in an empty root. */
#include <stdio.h>

int main(void) {
  puts("hello from a static binary");
  return 0;
}
