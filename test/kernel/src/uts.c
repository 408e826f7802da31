/* sethostname and setdomainname, made to fail on purpose, always inside a new UTS namespace. */
#include "cases.h"

static void cases(void) {
  must(unshare(CLONE_NEWUTS), "unshare(CLONE_NEWUTS): the host's name is never touched");
  char long_name[100];
  memset(long_name, 'x', sizeof long_name);
  CHECK("sethostname", EINVAL, "a name longer than 64 bytes", sethostname(long_name, sizeof long_name));
  CHECK("setdomainname", EINVAL, "a name longer than 64 bytes", setdomainname(long_name, sizeof long_name));
  CHECK("sethostname", EFAULT, "a pointer that is not mapped", syscall(SYS_sethostname, 8, 4));
  CHECK("sethostname", 0, "in the new UTS namespace", sethostname("spelunk-uts", 11));
  keep_caps(ALL_CAPS & ~CAP_BIT(CAP_SYS_ADMIN));
  CHECK("sethostname", EPERM, "no CAP_SYS_ADMIN", sethostname("spelunk-x", 9));
  CHECK("setdomainname", EPERM, "no CAP_SYS_ADMIN", setdomainname("spelunk-x", 9));
}

int main(int argc, char **argv) {
  start(argc, argv);
  in_child(cases);
  return 0;
}
