/* pivot_root the way a container runtime switches root: in a private mount namespace, with the new root
 * bind-mounted onto itself, then the old root detached with umount2(MNT_DETACH). The first pivot_root is
 * the classic mistake (the new root is a plain directory, on the mount that holds /): EBUSY. Finally it
 * runs /bin/ls -a / inside, which sees only the new root.
 *
 *   pivot-root NEWROOT        (NEWROOT holds bin/ls, e.g. a busybox tree, and an empty old_root/) */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int step(const char *what, long ret) {
  if (ret != 0) printf("%s: %s\n", what, strerror(errno));
  else printf("%s: ok\n", what);
  fflush(stdout);
  return ret == 0;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s NEWROOT\n", argv[0]);
    return 2;
  }
  const char *root = argv[1];
  struct stat st;
  /* Our own mount table, and nothing we do here propagates anywhere. */
  if (!step("unshare(CLONE_NEWNS)", unshare(CLONE_NEWNS))) return 1;
  if (!step("make every mount private", mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))) return 1;
  if (chdir(root) != 0) return 1;
  /* Not a mount point yet, and on the same mount as /: the kernel says EBUSY. */
  step("pivot_root before the bind mount", syscall(SYS_pivot_root, ".", "old_root"));
  /* The new root becomes a mount point: bind it onto itself. */
  if (!step("bind NEWROOT onto itself", mount(root, root, NULL, MS_BIND | MS_REC, NULL))) return 1;
  if (chdir(root) != 0) return 1; /* into the bind mount, not the directory under it */
  if (!step("pivot_root(\".\", \"old_root\")", syscall(SYS_pivot_root, ".", "old_root"))) return 1;
  if (chdir("/") != 0) return 1;
  /* The old root is still reachable under /old_root until it is detached. */
  step("stat /old_root/etc/hostname (old root still there)", stat("/old_root/etc/hostname", &st));
  if (!step("umount2(\"/old_root\", MNT_DETACH)", umount2("/old_root", MNT_DETACH))) return 1;
  step("stat /old_root/etc/hostname (after the detach)", stat("/old_root/etc/hostname", &st));
  step("rmdir /old_root", rmdir("/old_root"));
  execl("/bin/ls", "ls", "-a", "/", (char *)NULL);
  perror("execl /bin/ls");
  return 1;
}
