/* Raises its own priority to nice -5, as a latency-sensitive server or an audio daemon does at start.
 * Lowering a nice value needs CAP_SYS_NICE: root on the host has it, root in a Docker container does not
 * (it is not in Docker's default set), and setpriority then fails with EACCES (setpriority(2)). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

int main(void) {
  if (setpriority(PRIO_PROCESS, 0, -5) != 0) {
    fprintf(stderr, "raise-priority: cannot raise priority to nice -5: %s\n", strerror(errno));
    return 1;
  }
  printf("running at nice %d\n", getpriority(PRIO_PROCESS, 0));
  return 0;
}
