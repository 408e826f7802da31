/* The workshop's "hello world": one write, then exit. Under strace the interesting part is everything
 * before main(): the loader finding and mapping libc. */
#include <stdio.h>

int main(void) {
  puts("hello, world");
  return 0;
}
