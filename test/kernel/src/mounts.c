/* mount, umount2 and the new mount API (open_tree, move_mount, fsopen, fsconfig, fsmount, mount_setattr). */
#include "cases.h"
#include <sys/statvfs.h>

/* Each case runs in its own private mount namespace: whatever it mounts vanishes with the child. */

static int is_read_only(const char *path) {
  struct statvfs st;
  must(statvfs(path, &st), "statvfs");
  return (st.f_flag & ST_RDONLY) != 0;
}

static void mount_cases(void) {
  private_mounts();
  char a[4096], b[4096];
  snprintf(a, sizeof a, "%s", at("a"));
  snprintf(b, sizeof b, "%s", at("b"));
  CHECK("mount", ENOENT, "the target does not exist", mount("tmpfs", at("missing"), "tmpfs", 0, NULL));
  CHECK("mount", ENOENT, "the bind source does not exist", mount(at("missing"), a, NULL, MS_BIND, NULL));
  CHECK("mount", ENOTDIR, "a directory bound onto a file", mount(a, at("file"), NULL, MS_BIND, NULL));
  CHECK("mount", ENOTDIR, "a path component is a file", mount("tmpfs", at("file/x"), "tmpfs", 0, NULL));
  CHECK("mount", ENODEV, "a filesystem type this kernel does not know", mount("x", a, "spelunk-nosuchfs", 0, NULL));
  CHECK("mount", ENOTBLK, "ext4 from a regular file (a disk filesystem wants a block device)",
        mount(at("file"), a, "ext4", 0, NULL));
  CHECK("mount", EINVAL, "a propagation change on a directory that is not a mount point",
        mount(NULL, a, NULL, MS_PRIVATE, NULL));
  CHECK("mount", EINVAL, "an option tmpfs does not accept", mount("tmpfs", a, "tmpfs", 0, "size=spelunk"));
  /* The same filesystem at the same place twice: sysfs is one superblock per network namespace. */
  must(mount("sysfs", a, "sysfs", 0, NULL), "mount sysfs on a");
  CHECK("mount", EBUSY, "sysfs mounted again on the same sysfs mount", mount("sysfs", a, "sysfs", 0, NULL));
  must(umount2(a, 0), "umount a");
  /* A read-only remount while a file is open for writing. */
  must(mount("tmpfs", a, "tmpfs", 0, NULL), "mount tmpfs on a");
  int fd = must(open(at("a/f"), O_CREAT | O_WRONLY, 0644), "open a/f for writing");
  CHECK("mount", EBUSY, "remount read-only while a file is open for writing",
        mount(NULL, a, NULL, MS_REMOUNT | MS_RDONLY, NULL));
  close(fd);
  /* MS_MOVE of a mount whose parent is shared. */
  char s[4096], sa[4096];
  snprintf(s, sizeof s, "%s", at("s"));
  snprintf(sa, sizeof sa, "%s", at("s/a"));
  must(mount(s, s, NULL, MS_BIND, NULL), "bind s on itself");
  must(mount(NULL, s, NULL, MS_SHARED, NULL), "make s shared");
  must(mount("tmpfs", sa, "tmpfs", 0, NULL), "mount tmpfs on s/a");
  CHECK("mount", EINVAL, "MS_MOVE of a mount whose parent is shared", mount(sa, b, NULL, MS_MOVE, NULL));
}

static void bind_read_only(void) {
  /* mount --bind -o ro is two calls: the kernel ignores MS_RDONLY on a new bind mount. */
  private_mounts();
  char a[4096], b[4096];
  snprintf(a, sizeof a, "%s", at("a"));
  snprintf(b, sizeof b, "%s", at("b"));
  CHECK("mount", 0, "MS_BIND|MS_RDONLY", mount(a, b, NULL, MS_BIND | MS_RDONLY, NULL));
  fact("bind-rdonly-ignored", !is_read_only(b), "after mount(MS_BIND|MS_RDONLY) the bind mount is still read-write");
  CHECK("mount", 0, "MS_REMOUNT|MS_BIND|MS_RDONLY", mount(NULL, b, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL));
  fact("bind-remount-rdonly", is_read_only(b), "after the remount it is read-only");
}

static void without_sys_admin(void) {
  private_mounts();
  int tree = must(syscall(SYS_open_tree, AT_FDCWD, at("a"), 0), "open_tree without OPEN_TREE_CLONE");
  int fs = must(syscall(SYS_fsopen, "tmpfs", 0), "fsopen tmpfs");
  int fs2 = must(syscall(SYS_fsopen, "tmpfs", 0), "fsopen tmpfs");
  must(syscall(SYS_fsconfig, fs2, FSCONFIG_CMD_CREATE, NULL, NULL, 0), "fsconfig create");
  must(mount("tmpfs", at("a"), "tmpfs", 0, NULL), "mount tmpfs on a");
  keep_caps(ALL_CAPS & ~CAP_BIT(CAP_SYS_ADMIN));
  CHECK("mount", EPERM, "no CAP_SYS_ADMIN", mount("tmpfs", at("b"), "tmpfs", 0, NULL));
  CHECK("umount2", EPERM, "no CAP_SYS_ADMIN", umount2(at("a"), 0));
  CHECK("open_tree", EPERM, "OPEN_TREE_CLONE without CAP_SYS_ADMIN", syscall(SYS_open_tree, AT_FDCWD, at("b"), OPEN_TREE_CLONE));
  CHECK("move_mount", EPERM, "no CAP_SYS_ADMIN",
        syscall(SYS_move_mount, tree, "", AT_FDCWD, at("b"), MOVE_MOUNT_F_EMPTY_PATH));
  CHECK("fsopen", EPERM, "no CAP_SYS_ADMIN", syscall(SYS_fsopen, "tmpfs", 0));
  CHECK("fsconfig", EPERM, "FSCONFIG_CMD_CREATE without CAP_SYS_ADMIN (the context was opened with it)",
        syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0));
  CHECK("fsmount", EPERM, "no CAP_SYS_ADMIN", syscall(SYS_fsmount, fs2, 0, 0));
  struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY};
  CHECK("mount_setattr", EPERM, "no CAP_SYS_ADMIN", syscall(SYS_mount_setattr, AT_FDCWD, at("a"), 0, &attr, sizeof attr));
}

static void without_dac(void) {
  private_mounts();
  keep_caps(ALL_CAPS & ~(CAP_BIT(CAP_DAC_OVERRIDE) | CAP_BIT(CAP_DAC_READ_SEARCH)));
  CHECK("mount", EACCES, "the target's directory is not searchable", mount("tmpfs", at("locked/inner"), "tmpfs", 0, NULL));
}

static void umount_cases(void) {
  private_mounts();
  char a[4096];
  snprintf(a, sizeof a, "%s", at("a"));
  CHECK("umount2", ENOENT, "the path does not exist", umount2(at("missing"), 0));
  CHECK("umount2", EINVAL, "not a mount point", umount2(at("b"), 0));
  CHECK("umount2", EINVAL, "MNT_EXPIRE with MNT_DETACH", umount2(at("b"), MNT_EXPIRE | MNT_DETACH));
  must(mount("tmpfs", a, "tmpfs", 0, NULL), "mount tmpfs on a");
  must(chdir(a), "chdir into a");
  CHECK("umount2", EBUSY, "the caller's working directory is inside it", umount2(a, 0));
  CHECK("umount2", 0, "the same with MNT_DETACH", umount2(a, MNT_DETACH));
  must(chdir("/"), "chdir /");
}

static void locked_mounts(void) {
  /* A read-only mount made here, then a new user namespace: what it inherits is locked. */
  private_mounts();
  char a[4096];
  snprintf(a, sizeof a, "%s", at("a"));
  must(mount("tmpfs", a, "tmpfs", MS_RDONLY, NULL), "mount a read-only tmpfs on a");
  must(unshare(CLONE_NEWUSER | CLONE_NEWNS), "unshare(CLONE_NEWUSER|CLONE_NEWNS)");
  write_file("/proc/self/setgroups", "deny");
  write_file("/proc/self/uid_map", "0 0 1");
  write_file("/proc/self/gid_map", "0 0 1");
  CHECK("mount", EPERM, "clearing the read-only flag of a mount inherited from a more privileged namespace",
        mount(NULL, a, NULL, MS_REMOUNT | MS_BIND, NULL));
  CHECK("umount2", EINVAL, "a mount inherited (locked) from a more privileged namespace", umount2(a, 0));
}

static void mount_api_cases(void) {
  private_mounts();
  CHECK("open_tree", ENOENT, "the path does not exist", syscall(SYS_open_tree, AT_FDCWD, at("missing"), 0));
  CHECK("open_tree", EINVAL, "flags it does not know", syscall(SYS_open_tree, AT_FDCWD, at("a"), 0x40000000));
  int plain = must(open(at("a"), O_PATH | O_DIRECTORY), "open a");
  CHECK("move_mount", EINVAL, "the source is a plain directory, not a mount",
        syscall(SYS_move_mount, plain, "", AT_FDCWD, at("b"), MOVE_MOUNT_F_EMPTY_PATH));
  int tree = must(syscall(SYS_open_tree, AT_FDCWD, at("a"), OPEN_TREE_CLONE), "open_tree clone");
  CHECK("move_mount", ENOENT, "the destination does not exist",
        syscall(SYS_move_mount, tree, "", AT_FDCWD, at("missing"), MOVE_MOUNT_F_EMPTY_PATH));
  CHECK("fsopen", ENODEV, "a filesystem type this kernel does not know", syscall(SYS_fsopen, "spelunk-nosuchfs", 0));
  int fs = must(syscall(SYS_fsopen, "tmpfs", 0), "fsopen tmpfs");
  CHECK("fsconfig", EINVAL, "a parameter tmpfs does not know",
        syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "spelunk", "1", 0));
  CHECK("fsmount", EINVAL, "before FSCONFIG_CMD_CREATE: no superblock yet", syscall(SYS_fsmount, fs, 0, 0));
  must(syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0), "fsconfig create");
  CHECK("fsconfig", EBUSY, "FSCONFIG_CMD_CREATE a second time", syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0));
  CHECK("fsmount", EINVAL, "flags it does not know", syscall(SYS_fsmount, fs, 0x40000000, 0));
  struct mount_attr bad = {.attr_set = 0x40000000};
  CHECK("mount_setattr", EINVAL, "an attribute it does not know",
        syscall(SYS_mount_setattr, AT_FDCWD, at("a"), 0, &bad, sizeof bad));
  must(mount("tmpfs", at("a"), "tmpfs", 0, NULL), "mount tmpfs on a");
  int fd = must(open(at("a/f"), O_CREAT | O_WRONLY, 0644), "open a/f for writing");
  struct mount_attr ro = {.attr_set = MOUNT_ATTR_RDONLY};
  CHECK("mount_setattr", EBUSY, "MOUNT_ATTR_RDONLY while a file on it is open for writing",
        syscall(SYS_mount_setattr, AT_FDCWD, at("a"), 0, &ro, sizeof ro));
  close(fd);
}

int main(int argc, char **argv) {
  start(argc, argv);
  const char *dirs[] = {"a", "b", "s", "s/a", "locked", "locked/inner"};
  for (unsigned i = 0; i < sizeof dirs / sizeof dirs[0]; i++) must(mkdir(at(dirs[i]), 0755), dirs[i]);
  must(chmod(at("locked"), 0), "chmod locked 000");
  must(close(must(open(at("file"), O_CREAT | O_WRONLY, 0644), "create file")), "close");
  in_child(mount_cases);
  in_child(bind_read_only);
  in_child(without_sys_admin);
  in_child(without_dac);
  in_child(umount_cases);
  in_child(locked_mounts);
  in_child(mount_api_cases);
  return 0;
}
