/* What gdb does before it starts the program it debugs: switch address space randomisation off with
 * personality(ADDR_NO_RANDOMIZE). No capability is needed, so it works on the host and in a chroot; in a
 * container Docker's default seccomp profile allows personality() only for a handful of values (0, 8,
 * 0x20000, 0x20008 and the 0xffffffff query), and this one gets EPERM without reaching the kernel's
 * code. gdb then warns "Error disabling address space randomization: Operation not permitted". */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>

int main(void) {
  int current = personality(0xffffffff); /* the query: allowed everywhere */
  if (personality((unsigned long)current | ADDR_NO_RANDOMIZE) == -1) {
    fprintf(stderr, "aslr-off: cannot switch address randomisation off: %s\n", strerror(errno));
    return 1;
  }
  printf("address randomisation off: personality 0x%x\n", personality(0xffffffff));
  return 0;
}
