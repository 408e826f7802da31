/* A real seccomp filter, the way container runtimes install theirs: after prctl(PR_SET_NO_NEW_PRIVS), a
 * small BPF program is attached with prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER). It makes uname() fail
 * with EPERM and lets every other call through, so the trace shows uname refused by the kernel without
 * ever doing its work, while write and exit_group still run. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

int main(void) {
  struct sock_filter filter[] = {
      /* Wrong architecture: kill, so a 32-bit call cannot sneak past with other numbers. */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      /* uname: refuse with EPERM; anything else: allow. */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_uname, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {.len = sizeof filter / sizeof filter[0], .filter = filter};
  struct utsname name;

  if (uname(&name) == 0) printf("before the filter: uname says %s\n", name.sysname);
  fflush(stdout);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
    perror("seccomp");
    return 1;
  }
  if (uname(&name) != 0) printf("after the filter: uname failed: %s\n", strerror(errno));
  return 0;
}
