/* capget, capset and prctl's capability options, made to fail on purpose; and what execve does to the sets. */
#include "cases.h"
#include <sys/prctl.h>

static struct __user_cap_header_struct header(uint32_t version, int pid) {
  struct __user_cap_header_struct h = {version, pid};
  return h;
}

static long set_caps(int pid, uint64_t eff, uint64_t prm, uint64_t inh) {
  struct __user_cap_header_struct h = header(_LINUX_CAPABILITY_VERSION_3, pid);
  struct __user_cap_data_struct d[2] = {{(uint32_t)eff, (uint32_t)prm, (uint32_t)inh},
                                        {(uint32_t)(eff >> 32), (uint32_t)(prm >> 32), (uint32_t)(inh >> 32)}};
  return syscall(SYS_capset, &h, d);
}

static void capset_cases(void) {
  uint64_t eff, prm;
  read_caps(&eff, &prm);
  CHECK("capset", 0, "pid = the caller's own tid (what setpriv passes)", set_caps(gettid(), eff, prm, 0));
  CHECK("capset", EPERM, "pid of another process", set_caps(1, eff, prm, 0));
  CHECK("capset", EPERM, "effective not a subset of permitted",
        set_caps(0, eff, prm & ~CAP_BIT(CAP_SYS_CHROOT), 0));
  /* Drop CAP_SYS_CHROOT from permitted, then try to take it back. */
  must(set_caps(0, eff & ~CAP_BIT(CAP_SYS_CHROOT), prm & ~CAP_BIT(CAP_SYS_CHROOT), 0), "drop CAP_SYS_CHROOT");
  CHECK("capset", EPERM, "raising a capability no longer in the permitted set", set_caps(0, eff, prm, 0));
  /* Without CAP_SETPCAP, the inheritable set may only take what is permitted. */
  must(set_caps(0, eff & ~(CAP_BIT(CAP_SYS_CHROOT) | CAP_BIT(CAP_SETPCAP)),
                prm & ~(CAP_BIT(CAP_SYS_CHROOT) | CAP_BIT(CAP_SETPCAP)), 0),
       "drop CAP_SETPCAP");
  CHECK("capset", EPERM, "adding to inheritable what is not permitted, without CAP_SETPCAP",
        set_caps(0, 0, 0, CAP_BIT(CAP_SYS_CHROOT)));
  CHECK("prctl", EPERM, "PR_CAPBSET_DROP without CAP_SETPCAP", prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0));
}

static void bounding_cases(void) {
  /* With CAP_SETPCAP, inheritable may grow, but never past the bounding set. */
  uint64_t eff, prm;
  read_caps(&eff, &prm);
  must(prctl(PR_CAPBSET_DROP, CAP_SYS_CHROOT, 0, 0, 0), "PR_CAPBSET_DROP CAP_SYS_CHROOT");
  must(set_caps(0, eff & ~CAP_BIT(CAP_SYS_CHROOT), prm & ~CAP_BIT(CAP_SYS_CHROOT), 0), "drop it from permitted");
  CHECK("capset", EPERM, "adding to inheritable a capability outside the bounding set",
        set_caps(0, eff & ~CAP_BIT(CAP_SYS_CHROOT), prm & ~CAP_BIT(CAP_SYS_CHROOT), CAP_BIT(CAP_SYS_CHROOT)));
}

static void exec_refills(void) {
  /*
   * capset can drop CAP_SYS_CHROOT from every set, yet an execve as uid 0 gives it back: root's new
   * permitted set is filled from the bounding set. The program below reports what it got.
   */
  uint64_t eff, prm;
  read_caps(&eff, &prm);
  must(set_caps(0, eff & ~CAP_BIT(CAP_SYS_CHROOT), prm & ~CAP_BIT(CAP_SYS_CHROOT), 0), "drop CAP_SYS_CHROOT");
  execl("/proc/self/exe", "caps", scratch, "--report-after-exec", (char *)NULL);
  must(-1, "execl");
}

static void report_after_exec(void) {
  uint64_t eff, prm;
  read_caps(&eff, &prm);
  fact("exec-refills-permitted", (prm & CAP_BIT(CAP_SYS_CHROOT)) != 0,
       "after execve as uid 0, CAP_SYS_CHROOT is back in the permitted set (taken from the bounding set)");
}

int main(int argc, char **argv) {
  start(argc, argv);
  if (argc > 2 && strcmp(argv[2], "--report-after-exec") == 0) {
    report_after_exec();
    return 0;
  }
  struct __user_cap_data_struct data[2];
  struct __user_cap_header_struct bad = header(0x12345678, 0);
  CHECK("capget", EINVAL, "an unknown version (the kernel writes its own back)", syscall(SYS_capget, &bad, data));
  char seen[64];
  snprintf(seen, sizeof seen, "version written back: 0x%08x", bad.version);
  fact("capget-version-written-back", bad.version == _LINUX_CAPABILITY_VERSION_3, seen);
  struct __user_cap_header_struct nobody = header(_LINUX_CAPABILITY_VERSION_3, 999999999);
  CHECK("capget", ESRCH, "a pid that does not exist", syscall(SYS_capget, &nobody, data));
  struct __user_cap_header_struct self = header(_LINUX_CAPABILITY_VERSION_3, 0);
  CHECK("capget", EFAULT, "the data pointer is not mapped", syscall(SYS_capget, &self, (void *)8));
  struct __user_cap_header_struct bad2 = header(0x12345678, 0); /* capget rewrote bad.version */
  CHECK("capset", EINVAL, "an unknown version", syscall(SYS_capset, &bad2, data));
  CHECK("capset", EFAULT, "the header pointer is not mapped", syscall(SYS_capset, (void *)8, data));
  CHECK("prctl", EINVAL, "an option number the kernel does not know", prctl(0x5eed, 0, 0, 0, 0));
  CHECK("prctl", EINVAL, "PR_CAPBSET_READ past the last capability (how libcap finds it)",
        prctl(PR_CAPBSET_READ, CAP_LAST_CAP + 20, 0, 0, 0));
  CHECK("prctl", EFAULT, "PR_SET_NAME with a pointer that is not mapped", prctl(PR_SET_NAME, 8, 0, 0, 0));
  in_child(capset_cases);
  in_child(bounding_cases);
  in_child(exec_refills);
  return 0;
}
