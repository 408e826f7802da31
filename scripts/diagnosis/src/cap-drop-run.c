/* cap-drop-run CAP_NUMBER... -- PROGRAM [ARGS...]: removes capabilities from the bounding set
 * (prctl PR_CAPBSET_DROP) and from the effective, permitted and inheritable sets (capset), then execs the
 * program as root. Root's capabilities after execve come from the bounding set, so the program runs
 * without them: what `docker run --cap-drop` does. */
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
  struct __user_cap_header_struct header = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
  struct __user_cap_data_struct data[2];
  int i = 1;
  if (syscall(SYS_capget, &header, data) != 0) {
    perror("cap-drop-run: capget");
    return 1;
  }
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    int cap = atoi(argv[i]);
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) {
      perror("cap-drop-run: PR_CAPBSET_DROP");
      return 1;
    }
    data[cap / 32].effective &= ~(1u << (cap % 32));
    data[cap / 32].permitted &= ~(1u << (cap % 32));
    data[cap / 32].inheritable &= ~(1u << (cap % 32));
  }
  if (i + 1 >= argc) {
    fputs("usage: cap-drop-run CAP_NUMBER... -- PROGRAM [ARGS...]\n", stderr);
    return 2;
  }
  if (syscall(SYS_capset, &header, data) != 0) {
    perror("cap-drop-run: capset");
    return 1;
  }
  execv(argv[i + 1], argv + i + 1);
  perror("cap-drop-run: execv");
  return 127;
}
