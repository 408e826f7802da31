/* The smallest dynamically linked program: one write to stdout. */
#include <stdio.h>

int main(void) {
  puts("hello, world");
  return 0;
}
