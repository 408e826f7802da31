/* Prints its own pid and its parent's: in a new pid namespace the program is pid 1 and its parent 0. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  printf("pid %d, parent %d\n", (int)getpid(), (int)getppid());
  return 0;
}
