/*
 * Shared by the errno reproductions in this folder. Each program makes calls fail on purpose and prints one
 * line per call, which the test reads next to strace's own view of the same call:
 *
 *   CASE <syscall> <errno wanted> <errno got> <what the case does>
 *   FACT <name> <ok|wrong> <what was observed>
 *
 * "OK" stands for success. argv[1] is a scratch directory the test made (and removes); everything that
 * changes mounts, hostnames or identities happens in a child, inside new namespaces where that matters,
 * so the host is never touched.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((unused)) static const char *errname(int e) {
  if (e == 0) return "OK";
  const char *n = strerrorname_np(e);
  return n ? n : "E?";
}

__attribute__((unused)) static void report(const char *syscall, long ret, int err, int want, const char *what) {
  printf("CASE %s %s %s %s\n", syscall, errname(want), errname(ret == -1 ? err : 0), what);
}

/* Runs EXPR once and reports what the kernel said; errno is read right after the call. */
#define CHECK(syscall, want, what, expr)                                                                     \
  do {                                                                                                       \
    errno = 0;                                                                                               \
    long r_ = (long)(expr);                                                                                  \
    report(syscall, r_, errno, want, what);                                                                  \
  } while (0)

__attribute__((unused)) static void fact(const char *name, int ok, const char *observed) {
  printf("FACT %s %s %s\n", name, ok ? "ok" : "wrong", observed);
}

/* A setup step that must work; a failure ends the program with a message naming it. */
__attribute__((unused)) static long must(long ret, const char *what) {
  if (ret == -1) {
    printf("SETUP-FAILED %s: %s\n", what, strerror(errno));
    exit(3);
  }
  return ret;
}

/* Runs fn in a child process and waits for it, so what fn changes (credentials, namespaces) stays there. */
__attribute__((unused)) static void in_child(void (*fn)(void)) {
  fflush(stdout);
  pid_t pid = must(fork(), "fork");
  if (pid == 0) {
    fn();
    fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    printf("SETUP-FAILED child exited with status %d\n", status);
    exit(3);
  }
}

#define CAP_BIT(c) (1ULL << (c))
#define ALL_CAPS ((1ULL << (CAP_LAST_CAP + 1)) - 1)

/* The calling thread's effective and permitted sets, as one 64-bit mask each. */
__attribute__((unused)) static void read_caps(uint64_t *effective, uint64_t *permitted) {
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  must(syscall(SYS_capget, &hdr, data), "capget");
  *effective = data[0].effective | (uint64_t)data[1].effective << 32;
  *permitted = data[0].permitted | (uint64_t)data[1].permitted << 32;
}

/*
 * Keeps only `keep` of what the thread has (this machine's root already lacks CAP_SYS_RESOURCE in its
 * bounding set), effective = permitted, inheritable none: uid stays 0, the other capabilities go.
 */
__attribute__((unused)) static void keep_caps(uint64_t keep) {
  uint64_t eff, prm;
  read_caps(&eff, &prm);
  keep &= prm;
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2] = {{(uint32_t)keep, (uint32_t)keep, 0},
                                           {(uint32_t)(keep >> 32), (uint32_t)(keep >> 32), 0}};
  must(syscall(SYS_capset, &hdr, data), "capset (drop capabilities)");
}

/* A private mount namespace: mounts made from here on vanish when the child exits. */
__attribute__((unused)) static void private_mounts(void) {
  must(unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)");
  must(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "make / private");
}

static const char *scratch; /* argv[1] */

/* scratch/name, in a static buffer per call site (each caller keeps its own copy if it needs two). */
__attribute__((unused)) static char *at(const char *name) {
  static char bufs[8][4096];
  static int next;
  char *b = bufs[next++ % 8];
  snprintf(b, 4096, "%s/%s", scratch, name);
  return b;
}

__attribute__((unused)) static void start(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  if (argc < 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    exit(2);
  }
  scratch = argv[1];
}

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>

/* A seccomp filter that answers one syscall number with `err` and allows the rest (no_new_privs first). */
__attribute__((unused)) static void refuse_with(int nr, int err) {
  struct sock_filter code[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (err & SECCOMP_RET_DATA)),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {sizeof code / sizeof code[0], code};
  must(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
  must(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog), "install a seccomp filter");
}

/* Writes a short text to a file (uid_map, a sysctl); a failure ends the program. */
__attribute__((unused)) static void write_file(const char *path, const char *text) {
  int fd = must(open(path, O_WRONLY), path);
  must(write(fd, text, strlen(text)), path);
  close(fd);
}
