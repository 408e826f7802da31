/* unshare, setns, clone and clone3, made to fail on purpose. */
#include "cases.h"
#include <linux/sched.h>
#include <pthread.h>
#include <sys/resource.h>

static void *idle_thread(void *arg) {
  (void)arg;
  pause();
  return NULL;
}

static void start_second_thread(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, idle_thread, NULL) != 0) must(-1, "pthread_create");
}

static long clone3_with(uint64_t flags, size_t size) {
  struct clone_args args;
  memset(&args, 0, sizeof args);
  args.flags = flags;
  args.exit_signal = SIGCHLD;
  return syscall(SYS_clone3, &args, size);
}

static void without_sys_admin(void) {
  keep_caps(ALL_CAPS & ~CAP_BIT(CAP_SYS_ADMIN));
  CHECK("unshare", EPERM, "CLONE_NEWUTS without CAP_SYS_ADMIN", unshare(CLONE_NEWUTS));
  CHECK("clone", EPERM, "CLONE_NEWUTS without CAP_SYS_ADMIN", syscall(SYS_clone, CLONE_NEWUTS | SIGCHLD, 0, 0, 0, 0));
  CHECK("clone3", EPERM, "CLONE_NEWUTS without CAP_SYS_ADMIN", clone3_with(CLONE_NEWUTS, sizeof(struct clone_args)));
  int fd = must(open("/proc/self/ns/uts", O_RDONLY), "open /proc/self/ns/uts");
  CHECK("setns", EPERM, "joining a UTS namespace without CAP_SYS_ADMIN", setns(fd, CLONE_NEWUTS));
}

static void without_sys_chroot(void) {
  keep_caps(ALL_CAPS & ~CAP_BIT(CAP_SYS_CHROOT));
  int fd = must(open("/proc/self/ns/mnt", O_RDONLY), "open /proc/self/ns/mnt");
  CHECK("setns", EPERM, "joining a mount namespace needs CAP_SYS_CHROOT too", setns(fd, CLONE_NEWNS));
}

static void multi_threaded(void) {
  start_second_thread();
  CHECK("unshare", EINVAL, "CLONE_NEWUSER in a multi-threaded process", unshare(CLONE_NEWUSER));
}

/* A new user namespace whose uid and gid 0 are the caller's. */
static void map_root(void) {
  write_file("/proc/self/setgroups", "deny");
  write_file("/proc/self/uid_map", "0 0 1");
  write_file("/proc/self/gid_map", "0 0 1");
}

static void unmapped_owner(void) {
  must(unshare(CLONE_NEWUSER), "unshare(CLONE_NEWUSER)");
  CHECK("unshare", EPERM, "a user namespace whose creator's uid has no mapping yet (no uid_map written)",
        unshare(CLONE_NEWUSER));
}

static void nesting_depth(void) {
  /* 33 nested user namespaces are allowed; the next one is past the depth limit. */
  for (int i = 0; i < 33; i++) {
    must(unshare(CLONE_NEWUSER), "unshare(CLONE_NEWUSER) nesting");
    map_root();
  }
  CHECK("unshare", ENOSPC, "a 34th nested user namespace", unshare(CLONE_NEWUSER));
}

static void namespace_limit(void) {
  /* /proc/sys/user/max_uts_namespaces counts per user namespace: set to 0 in our own one only. */
  must(unshare(CLONE_NEWUSER), "unshare(CLONE_NEWUSER)");
  map_root();
  write_file("/proc/sys/user/max_uts_namespaces", "0");
  CHECK("unshare", ENOSPC, "max_uts_namespaces is 0 in this user namespace", unshare(CLONE_NEWUTS));
  CHECK("clone", ENOSPC, "max_uts_namespaces is 0 in this user namespace", syscall(SYS_clone, CLONE_NEWUTS | SIGCHLD, 0, 0, 0, 0));
}

static void process_limit(void) {
  struct rlimit none = {0, 0};
  must(setrlimit(RLIMIT_NPROC, &none), "RLIMIT_NPROC 0");
  must(setuid(65534), "setuid(65534)");
  CHECK("clone", EAGAIN, "RLIMIT_NPROC reached (uid 65534, limit 0)", syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0));
  CHECK("clone3", EAGAIN, "RLIMIT_NPROC reached (uid 65534, limit 0)", clone3_with(0, sizeof(struct clone_args)));
}

static void clone3_refused_by_seccomp(void) {
  refuse_with(SYS_clone3, ENOSYS);
  CHECK("clone3", ENOSYS, "a seccomp filter answers ENOSYS (glibc then falls back to clone)",
        clone3_with(0, sizeof(struct clone_args)));
}

static int user_ns_holder[2];
static void hold_user_ns(void) {
  must(unshare(CLONE_NEWUSER), "unshare(CLONE_NEWUSER)");
  char c = 0;
  must(write(user_ns_holder[1], &c, 1), "signal ready");
  pause();
}

static void setns_cases(void) {
  int uts = must(open("/proc/self/ns/uts", O_RDONLY), "open /proc/self/ns/uts");
  CHECK("setns", EBADF, "fd 999 is not open", setns(999, 0));
  CHECK("setns", EINVAL, "a UTS namespace fd with nstype CLONE_NEWNET", setns(uts, CLONE_NEWNET));
  int own = must(open("/proc/self/ns/user", O_RDONLY), "open /proc/self/ns/user");
  CHECK("setns", EINVAL, "re-joining the current user namespace", setns(own, CLONE_NEWUSER));
  /* Another user namespace, held by a child, joined from a process with two threads. */
  must(pipe(user_ns_holder), "pipe");
  fflush(stdout);
  pid_t holder = must(fork(), "fork");
  if (holder == 0) hold_user_ns();
  char c;
  must(read(user_ns_holder[0], &c, 1), "wait for the holder");
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/ns/user", holder);
  int other = must(open(path, O_RDONLY), "open the holder's user namespace");
  start_second_thread();
  CHECK("setns", EINVAL, "joining a user namespace from a multi-threaded process", setns(other, CLONE_NEWUSER));
  kill(holder, SIGKILL);
  waitpid(holder, NULL, 0);
  /* A pidfd of a process that has exited and been reaped. */
  pid_t gone = must(fork(), "fork");
  if (gone == 0) _exit(0);
  int pidfd = must(syscall(SYS_pidfd_open, gone, 0), "pidfd_open");
  waitpid(gone, NULL, 0);
  CHECK("setns", ESRCH, "a pidfd whose process has exited", setns(pidfd, CLONE_NEWUTS));
}

int main(int argc, char **argv) {
  start(argc, argv);
  CHECK("unshare", EINVAL, "a flag unshare does not take (CLONE_PTRACE)", unshare(CLONE_PTRACE));
  CHECK("clone", EINVAL, "CLONE_THREAD without CLONE_SIGHAND", syscall(SYS_clone, CLONE_THREAD | CLONE_VM, 0, 0, 0, 0));
  CHECK("clone3", EINVAL, "size smaller than the first struct clone_args (32 < 64)", clone3_with(0, 32));
  CHECK("clone3", E2BIG, "size larger than a page", clone3_with(0, 4096 + 8));
  in_child(without_sys_admin);
  in_child(without_sys_chroot);
  in_child(multi_threaded);
  in_child(unmapped_owner);
  in_child(nesting_depth);
  in_child(namespace_limit);
  in_child(process_limit);
  in_child(clone3_refused_by_seccomp);
  in_child(setns_cases);
  return 0;
}
