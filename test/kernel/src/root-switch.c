/* chroot and pivot_root, made to fail on purpose. */
#include "cases.h"

static void chroot_without_cap(void) {
  keep_caps(ALL_CAPS & ~CAP_BIT(CAP_SYS_CHROOT));
  CHECK("chroot", EPERM, "uid 0 without CAP_SYS_CHROOT", chroot(scratch));
}

static void chroot_unsearchable(void) {
  /* Owner bits 000 and no CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH: the lookup itself is refused. */
  keep_caps(ALL_CAPS & ~(CAP_BIT(CAP_DAC_OVERRIDE) | CAP_BIT(CAP_DAC_READ_SEARCH)));
  CHECK("chroot", EACCES, "a directory on the path is not searchable", chroot(at("locked/inner")));
}

static void pivot_cases(void) {
  private_mounts();
  char newroot[4096], old[4096];
  snprintf(newroot, sizeof newroot, "%s", at("newroot"));
  snprintf(old, sizeof old, "%s", at("newroot/old"));
  must(mkdir(newroot, 0755), "mkdir newroot");
  must(mkdir(old, 0755), "mkdir newroot/old");
  /* EBUSY comes first: new_root or put_old on the mount that holds the current root. */
  CHECK("pivot_root", EBUSY, "new_root is / itself: on the current root mount", syscall(SYS_pivot_root, "/", old));
  CHECK("pivot_root", EBUSY, "new_root a plain directory of the root filesystem (not a mount point, but on the root mount)",
        syscall(SYS_pivot_root, newroot, old));
  /* On another mount (a tmpfs), the same mistakes are EINVAL. */
  char tnew[4096], told[4096], other[4096];
  snprintf(tnew, sizeof tnew, "%s", at("t/newroot"));
  snprintf(told, sizeof told, "%s", at("t/newroot/old"));
  snprintf(other, sizeof other, "%s", at("other"));
  must(mount("tmpfs", at("t"), "tmpfs", 0, NULL), "mount tmpfs on t");
  must(mount("tmpfs", other, "tmpfs", 0, NULL), "mount tmpfs on other");
  must(mkdir(tnew, 0755), "mkdir t/newroot");
  must(mkdir(told, 0755), "mkdir t/newroot/old");
  CHECK("pivot_root", EINVAL, "new_root is a directory inside a tmpfs, not a mount point", syscall(SYS_pivot_root, tnew, told));
  must(mount(tnew, tnew, NULL, MS_BIND, NULL), "bind t/newroot on itself");
  CHECK("pivot_root", EINVAL, "put_old (another tmpfs) is not at or under new_root", syscall(SYS_pivot_root, tnew, other));
  CHECK("pivot_root", EBUSY, "put_old is on the current root mount", syscall(SYS_pivot_root, tnew, "/tmp"));
  must(mount(newroot, newroot, NULL, MS_BIND, NULL), "bind newroot on itself");
  CHECK("pivot_root", ENOTDIR, "new_root is a file", syscall(SYS_pivot_root, at("file"), old));
  CHECK("pivot_root", ENOENT, "new_root does not exist", syscall(SYS_pivot_root, at("missing"), old));
  /* new_root's parent shared: the kernel refuses rather than propagate (pivot_shared_control: same call, private, works). */
  must(mount(NULL, "/", NULL, MS_SHARED, NULL), "make / shared (in this private namespace only)");
  CHECK("pivot_root", EINVAL, "new_root's parent mount is shared", syscall(SYS_pivot_root, newroot, old));
  must(mount(NULL, "/", NULL, MS_PRIVATE, NULL), "make / private again");
  keep_caps(ALL_CAPS & ~CAP_BIT(CAP_SYS_ADMIN));
  CHECK("pivot_root", EPERM, "no CAP_SYS_ADMIN", syscall(SYS_pivot_root, newroot, old));
}

static void pivot_shared_control(void) {
  private_mounts();
  char newroot[4096], old[4096];
  snprintf(newroot, sizeof newroot, "%s", at("jail/newroot"));
  snprintf(old, sizeof old, "%s", at("jail/newroot/old"));
  must(mount(newroot, newroot, NULL, MS_BIND, NULL), "bind jail/newroot on itself");
  CHECK("pivot_root", 0, "the shared case's call with every mount private", syscall(SYS_pivot_root, newroot, old));
}

static void pivot_after_chroot(void) {
  /* The current root is a plain directory (a chroot), not a mount point: pivot_root refuses. */
  private_mounts();
  char newroot[4096];
  snprintf(newroot, sizeof newroot, "%s", at("jail/newroot"));
  must(mount(newroot, newroot, NULL, MS_BIND, NULL), "bind jail/newroot on itself");
  must(chroot(at("jail")), "chroot into jail");
  must(chdir("/"), "chdir /");
  CHECK("pivot_root", EINVAL, "after chroot: the current root is not a mount point",
        syscall(SYS_pivot_root, "/newroot", "/newroot/old"));
}

static void pivot_works(void) {
  /* The way container runtimes do it: bind, pivot_root(".", "."), then detach the old root. */
  private_mounts();
  char newroot[4096];
  snprintf(newroot, sizeof newroot, "%s", at("jail/newroot"));
  must(mount(newroot, newroot, NULL, MS_BIND, NULL), "bind jail/newroot on itself");
  must(chdir(newroot), "chdir newroot");
  CHECK("pivot_root", 0, "new_root bind-mounted on itself, put_old \".\"", syscall(SYS_pivot_root, ".", "."));
  CHECK("umount2", 0, "detach the old root stacked on \".\"", umount2(".", MNT_DETACH));
  struct stat st;
  fact("old-root-gone", stat("/bin", &st) == -1 && errno == ENOENT, "after umount2(\".\", MNT_DETACH) / holds only the new root");
}

int main(int argc, char **argv) {
  start(argc, argv);
  must(mkdir(at("locked"), 0000), "mkdir locked");
  must(mkdir(at("locked/inner"), 0755), "mkdir locked/inner");
  must(close(must(open(at("file"), O_CREAT | O_WRONLY, 0644), "create file")), "close");
  must(mkdir(at("t"), 0755), "mkdir t");
  must(mkdir(at("other"), 0755), "mkdir other");
  must(mkdir(at("jail"), 0755), "mkdir jail");
  must(mkdir(at("jail/newroot"), 0755), "mkdir jail/newroot");
  must(mkdir(at("jail/newroot/old"), 0755), "mkdir jail/newroot/old");

  CHECK("chroot", ENOENT, "the directory does not exist", chroot(at("missing")));
  CHECK("chroot", ENOTDIR, "the path is a file", chroot(at("file")));
  in_child(chroot_without_cap);
  in_child(chroot_unsearchable);
  in_child(pivot_cases);
  in_child(pivot_shared_control);
  in_child(pivot_after_chroot);
  in_child(pivot_works);
  return 0;
}
