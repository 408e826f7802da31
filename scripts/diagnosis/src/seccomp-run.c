/* seccomp-run errno|kill SYSCALL -- PROGRAM [ARGS...]: installs a seccomp filter that refuses one system
 * call (with EPERM, or by killing the process with SIGSYS) and execs the program, the way a container
 * runtime applies its profile before the entrypoint starts. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static const struct {
  const char *name;
  int nr;
} CALLS[] = {{"uname", __NR_uname}, {"mkdir", __NR_mkdir}, {"mkdirat", __NR_mkdirat},
             {"socket", __NR_socket}, {"sethostname", __NR_sethostname},
             {"openat", __NR_openat}};

int main(int argc, char **argv) {
  if (argc < 5 || strcmp(argv[3], "--") != 0) {
    fputs("usage: seccomp-run errno|kill SYSCALL -- PROGRAM [ARGS...]\n", stderr);
    return 2;
  }
  int nr = -1;
  for (size_t i = 0; i < sizeof CALLS / sizeof CALLS[0]; i++)
    if (strcmp(CALLS[i].name, argv[2]) == 0) nr = CALLS[i].nr;
  if (nr < 0) {
    fprintf(stderr, "seccomp-run: unknown system call %s\n", argv[2]);
    return 2;
  }
  unsigned action = strcmp(argv[1], "kill") == 0 ? SECCOMP_RET_KILL_PROCESS
                                                 : SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA);
  struct sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, action),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {.len = sizeof filter / sizeof filter[0], .filter = filter};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
    perror("seccomp-run: seccomp");
    return 1;
  }
  execv(argv[4], argv + 4);
  perror("seccomp-run: execv");
  return 127;
}
