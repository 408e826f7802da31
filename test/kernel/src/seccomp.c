/* seccomp (and prctl(PR_SET_SECCOMP)), made to fail on purpose. */
#include "cases.h"
#include <pthread.h>

static struct sock_filter allow_all[] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
static struct sock_fprog allow = {1, allow_all};

static void without_no_new_privs(void) {
  keep_caps(ALL_CAPS & ~CAP_BIT(CAP_SYS_ADMIN));
  CHECK("seccomp", EACCES, "neither CAP_SYS_ADMIN nor no_new_privs", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &allow));
  CHECK("prctl", EACCES, "PR_SET_SECCOMP: neither CAP_SYS_ADMIN nor no_new_privs",
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &allow, 0, 0));
}

static void too_many_instructions(void) {
  /*
   * One filter may hold 4096 instructions; all the filters of a thread together 32768, counted after the
   * kernel translates them to eBPF (where one classic "return" is two instructions): here the fourth
   * 4096-instruction filter is refused. Attach until the kernel says no, at most 16 times.
   */
  static struct sock_filter big[4096];
  for (int i = 0; i < 4096; i++) big[i] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog prog = {4096, big};
  must(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
  for (int i = 0; i < 16; i++) {
    errno = 0;
    long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
    if (r == -1) {
      report("seccomp", r, errno, ENOMEM, "4096-instruction filters attached until the total is too long");
      return;
    }
  }
  must(-1, "16 filters of 4096 instructions were all accepted");
}

static int thread_ready[2];
static void *thread_with_own_filter(void *arg) {
  (void)arg;
  must(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &allow), "thread's own filter");
  char c = 0;
  must(write(thread_ready[1], &c, 1), "signal ready");
  pause();
  return NULL;
}

static void tsync_conflict(void) {
  must(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
  must(pipe(thread_ready), "pipe");
  pthread_t t;
  if (pthread_create(&t, NULL, thread_with_own_filter, NULL) != 0) must(-1, "pthread_create");
  char c;
  must(read(thread_ready[0], &c, 1), "wait for the thread");
  CHECK("seccomp", ESRCH, "TSYNC|TSYNC_ESRCH while another thread has a filter of its own",
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC | SECCOMP_FILTER_FLAG_TSYNC_ESRCH, &allow));
}

int main(int argc, char **argv) {
  start(argc, argv);
  struct sock_filter no_return[] = {BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0)};
  struct sock_fprog invalid = {1, no_return};
  CHECK("seccomp", EINVAL, "an operation it does not know", syscall(SYS_seccomp, 99, 0, &allow));
  CHECK("seccomp", EINVAL, "a filter that never returns", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &invalid));
  CHECK("seccomp", EFAULT, "args points to memory that is not mapped", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (void *)8));
  in_child(without_no_new_privs);
  in_child(too_many_instructions);
  in_child(tsync_conflict);
  return 0;
}
