/* A seccomp profile shaped like Docker's default: an allow list, and every other call refused with
 * EPERM (Docker's defaultAction SCMP_ACT_ERRNO). Installed with seccomp(2), as runc does. Then:
 *   - uname, on the list, works;
 *   - unshare, mount and keyctl, not on it, fail with EPERM without the kernel running them;
 *   - a child adds a second filter whose action for uname is SECCOMP_RET_KILL_PROCESS, calls it, and is
 *     killed by SIGSYS; the parent sees that in wait4. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define ALLOW(nr) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)

static void say(const char *text) {
  if (write(1, text, strlen(text)) < 0) _exit(3);
}

static long install(struct sock_filter *code, unsigned short len) {
  struct sock_fprog prog = {len, code};
  return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

int main(void) {
  struct sock_filter profile[] = {
      /* Another architecture's numbers mean other calls: kill, as Docker's profile does. */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      /* The allow list: what this program needs (Docker's lists about 350 calls). */
      ALLOW(__NR_read), ALLOW(__NR_write), ALLOW(__NR_uname), ALLOW(__NR_clone), ALLOW(__NR_wait4),
      ALLOW(__NR_seccomp), ALLOW(__NR_prlimit64), ALLOW(__NR_exit_group), ALLOW(__NR_rt_sigreturn),
      ALLOW(__NR_set_robust_list), ALLOW(__NR_rt_sigprocmask), ALLOW(__NR_getpid), ALLOW(__NR_gettid),
      ALLOW(__NR_tgkill),
      /* Everything else: EPERM, the kernel never runs the call. */
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
  };
  struct sock_filter kill_uname[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_uname, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct utsname name;
  char line[128];

  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || install(profile, sizeof profile / sizeof profile[0]) != 0) {
    perror("seccomp");
    return 1;
  }
  say("profile installed\n");
  if (uname(&name) == 0) say("uname: allowed\n");
  if (unshare(CLONE_NEWUTS) != 0) say(errno == EPERM ? "unshare: EPERM\n" : "unshare: other error\n");
  if (mount("none", "/", NULL, MS_REMOUNT, NULL) != 0) say(errno == EPERM ? "mount: EPERM\n" : "mount: other error\n");
  if (syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3, 0) < 0)
    say(errno == EPERM ? "keyctl: EPERM\n" : "keyctl: other error\n");

  pid_t child = fork();
  if (child == 0) {
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core); /* SIGSYS would dump core */
    install(kill_uname, sizeof kill_uname / sizeof kill_uname[0]);
    uname(&name); /* killed here */
    say("child: still alive?\n");
    _exit(0);
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child) return 1;
  if (WIFSIGNALED(status)) {
    snprintf(line, sizeof line, "child killed by signal %d (%s)\n", WTERMSIG(status), strsignal(WTERMSIG(status)));
    say(line);
  }
  return 0;
}
