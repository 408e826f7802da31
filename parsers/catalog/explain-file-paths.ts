import type { SyscallExplanation } from './types.js';

const DIRFD = [
  'dirfd',
  'Directory a relative path starts from; AT_FDCWD means the current directory.',
] as const;
const PATH_ERRORS = [
  ['ENOENT', 'The path, or a directory on it, does not exist.'],
  ['EACCES', 'A directory on the path is not searchable, or the containing directory is not writable.'],
  ['ENOTDIR', 'A path component is not a directory.'],
  ['EROFS', 'The filesystem is read-only.'],
] as const;
const XATTR_GET_ERRORS = [
  [
    'ENODATA',
    'The file has no attribute with that name — the usual answer when ls/cp probe security.selinux, security.capability or system.posix_acl_access. Harmless.',
  ],
  ['EOPNOTSUPP', 'The filesystem (or this namespace) does not support extended attributes.'],
  ['ERANGE', 'The buffer is too small; callers ask again with size 0 to learn the length.'],
  ['ENOENT', 'The file does not exist.'],
] as const;

/** Paths and directories: names, permissions, ownership, links, extended attributes. */
export const FILE_PATH_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  access: {
    summary:
      'Checks whether the caller could read, write or execute a file (or whether it exists), using the real uid rather than the effective one. The loader\'s first act is access("/etc/ld.so.preload", R_OK), which fails with ENOENT on almost every system.',
    args: [
      ['pathname', 'The file to check.'],
      ['mode', 'F_OK (exists?) or a combination of R_OK, W_OK, X_OK.'],
    ],
    returns: '0 if all requested access is allowed.',
    errors: [
      ['ENOENT', 'The file does not exist — for /etc/ld.so.preload this is normal (no preload configured).'],
      ['EACCES', 'The requested access is denied, or a directory on the path is not searchable.'],
      ['EROFS', 'W_OK asked on a read-only filesystem.'],
      ['ENOTDIR', 'A path component is not a directory.'],
    ],
  },
  faccessat: {
    summary:
      'access relative to a directory fd. (The kernel version has no flags argument; glibc emulates flags or uses faccessat2.)',
    args: [DIRFD, ['pathname', 'The file to check.'], ['mode', 'F_OK or R_OK/W_OK/X_OK.']],
    returns: '0 if allowed.',
    errors: [
      ['ENOENT', 'The file does not exist.'],
      ['EACCES', 'Access denied.'],
      ['EBADF', 'dirfd is not open.'],
    ],
  },
  faccessat2: {
    summary:
      'access relative to a directory fd, with flags: AT_EACCESS checks with the effective ids (what `test -x` in bash wants), AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. Shells call it when searching PATH for a command.',
    args: [
      DIRFD,
      ['pathname', 'The file to check.'],
      ['mode', 'F_OK or R_OK/W_OK/X_OK.'],
      ['flags', 'AT_EACCESS, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH.'],
    ],
    returns: '0 if allowed.',
    errors: [
      ['ENOENT', 'The file does not exist (e.g. the command is not in this PATH directory).'],
      ['EACCES', 'Access denied.'],
      ['ENOSYS', 'Kernel older than 5.8 or blocked by seccomp; glibc falls back to faccessat.'],
      ['EINVAL', 'Unknown flags.'],
    ],
  },
  getcwd: {
    summary:
      'Returns the absolute path of the current working directory. Inside a chroot, the path is relative to the new root; if the cwd is outside the root (chroot without chdir), the kernel prefixes "(unreachable)".',
    args: [
      ['buf', 'Where to store the path.'],
      ['size', 'Buffer size.'],
    ],
    returns:
      'The length of the path including the terminating NUL (the raw syscall; the glibc wrapper returns the buffer).',
    errors: [
      ['ERANGE', 'The buffer is too small.'],
      ['ENOENT', 'The current directory has been deleted.'],
      ['EACCES', 'Permission to read a parent directory was denied.'],
    ],
  },
  chdir: {
    summary:
      'Changes the current working directory, the starting point for relative paths. `chroot DIR CMD` does chroot(DIR) then chdir("/") so that the cwd is inside the new root.',
    args: [['path', 'The new working directory.']],
    returns: '0 on success.',
    errors: [
      ['ENOENT', 'The directory does not exist.'],
      ['ENOTDIR', 'The path is not a directory.'],
      ['EACCES', 'Search (x) permission is missing on the directory or a parent.'],
    ],
  },
  fchdir: {
    summary:
      'Changes the current working directory to an open directory fd. Tools use it to go back to a saved directory, and it is the classic way to escape a chroot if a directory fd from outside was kept open.',
    args: [['fd', 'An fd open on a directory.']],
    returns: '0 on success.',
    errors: [
      ['ENOTDIR', 'fd is not a directory.'],
      ['EBADF', 'fd is not open.'],
      ['EACCES', 'No search permission.'],
    ],
  },
  rename: {
    summary: 'Renames or moves a file within one filesystem, atomically replacing any existing target.',
    args: [
      ['oldpath', 'Current name.'],
      ['newpath', 'New name.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EXDEV', 'Source and target are on different mounts; `mv` then copies and deletes.'],
      ...PATH_ERRORS,
      ['EISDIR', 'newpath is a directory but oldpath is not.'],
      ['ENOTEMPTY', 'newpath is a non-empty directory.'],
    ],
  },
  renameat: {
    summary: 'rename with both paths relative to directory fds.',
    args: [
      ['olddirfd', 'Directory for oldpath.'],
      ['oldpath', 'Current name.'],
      ['newdirfd', 'Directory for newpath.'],
      ['newpath', 'New name.'],
    ],
    returns: '0 on success.',
    errors: [['EXDEV', 'Different mounts.'], ...PATH_ERRORS],
  },
  renameat2: {
    summary:
      'renameat with flags: RENAME_NOREPLACE (fail if the target exists), RENAME_EXCHANGE (swap two names atomically), RENAME_WHITEOUT (overlayfs). `mv` uses it.',
    args: [
      ['olddirfd', 'Directory for oldpath.'],
      ['oldpath', 'Current name.'],
      ['newdirfd', 'Directory for newpath.'],
      ['newpath', 'New name.'],
      ['flags', 'RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EEXIST', 'RENAME_NOREPLACE and the target exists.'],
      ['EXDEV', 'Different mounts.'],
      ['EINVAL', 'Flags not supported by this filesystem.'],
      ...PATH_ERRORS,
    ],
  },
  mkdir: {
    summary:
      "Creates a directory. The new directory is owned by the caller's effective uid and gets mode & ~umask.",
    args: [
      ['pathname', 'The new directory.'],
      ['mode', 'Permission bits (the umask is removed from them).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EEXIST', 'Something with that name already exists (`mkdir -p` ignores this).'],
      ...PATH_ERRORS,
      ['ENOSPC', 'No space or inodes left.'],
    ],
  },
  mkdirat: {
    summary: "mkdir relative to a directory fd; what glibc's mkdir() calls.",
    args: [DIRFD, ['pathname', 'The new directory.'], ['mode', 'Permission bits.']],
    returns: '0 on success.',
    errors: [['EEXIST', 'The name already exists.'], ...PATH_ERRORS],
  },
  rmdir: {
    summary: 'Removes an empty directory (rm -r empties it first with unlinkat).',
    args: [['pathname', 'The directory.']],
    returns: '0 on success.',
    errors: [
      ['ENOTEMPTY', 'The directory still has entries.'],
      ['EBUSY', 'It is a mount point or in use as a root.'],
      ...PATH_ERRORS,
    ],
  },
  link: {
    summary: 'Creates a hard link: a second name for the same file (same inode).',
    args: [
      ['oldpath', 'Existing file.'],
      ['newpath', 'New name.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EEXIST', 'newpath exists.'],
      ['EXDEV', 'Different filesystems.'],
      ['EPERM', 'oldpath is a directory, or protected_hardlinks forbids linking a file you do not own.'],
      ...PATH_ERRORS,
    ],
  },
  linkat: {
    summary:
      'link relative to directory fds, optionally following a symlink or linking an open fd (AT_EMPTY_PATH).',
    args: [
      ['olddirfd', 'Directory for oldpath.'],
      ['oldpath', 'Existing file.'],
      ['newdirfd', 'Directory for newpath.'],
      ['newpath', 'New name.'],
      ['flags', 'AT_SYMLINK_FOLLOW, AT_EMPTY_PATH.'],
    ],
    returns: '0 on success.',
    errors: [['EEXIST', 'newpath exists.'], ['EXDEV', 'Different filesystems.'], ...PATH_ERRORS],
  },
  unlink: {
    summary:
      'Removes a name from the filesystem. The file itself is freed when no names and no open fds remain.',
    args: [['pathname', 'The name to remove.']],
    returns: '0 on success.',
    errors: [
      ['ENOENT', 'No such file (`rm -f` ignores this).'],
      ['EISDIR', 'It is a directory (use rmdir).'],
      ['EACCES', 'The directory is not writable.'],
      ['EPERM', 'Sticky directory (/tmp) and the file belongs to someone else, or the file is immutable.'],
      ['EBUSY', 'It is a mount point.'],
    ],
  },
  unlinkat: {
    summary: 'unlink or rmdir (with AT_REMOVEDIR) relative to a directory fd; `rm -r` walks trees with it.',
    args: [
      DIRFD,
      ['pathname', 'The name to remove.'],
      ['flags', 'AT_REMOVEDIR to remove a directory, else 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOENT', 'No such file.'],
      ['EISDIR', 'A directory without AT_REMOVEDIR.'],
      ['ENOTEMPTY', 'Directory not empty.'],
      ['EACCES', 'Directory not writable.'],
    ],
  },
  symlink: {
    summary:
      'Creates a symbolic link: a small file holding a path that lookups follow. The target is not checked, so dangling links are allowed — and an absolute target is resolved inside whatever root the reader has (a chroot changes where it points).',
    args: [
      ['target', 'The path the link will contain.'],
      ['linkpath', 'The name of the new link.'],
    ],
    returns: '0 on success.',
    errors: [['EEXIST', 'linkpath exists.'], ...PATH_ERRORS],
  },
  symlinkat: {
    summary: 'symlink with linkpath relative to a directory fd.',
    args: [
      ['target', 'The path the link will contain.'],
      ['newdirfd', 'Directory for linkpath.'],
      ['linkpath', 'The new link.'],
    ],
    returns: '0 on success.',
    errors: [['EEXIST', 'linkpath exists.'], ...PATH_ERRORS],
  },
  readlink: {
    summary:
      'Reads the target stored in a symlink. Programs read /proc/self/exe this way to find their own binary.',
    args: [
      ['pathname', 'The symlink.'],
      ['buf', 'Where to store the target (not NUL-terminated).'],
      ['bufsiz', 'Buffer size.'],
    ],
    returns: 'The number of bytes placed in buf.',
    errors: [
      ['EINVAL', 'The path is not a symlink.'],
      ['ENOENT', 'No such file.'],
      ['EACCES', 'A directory on the path is not searchable.'],
    ],
  },
  readlinkat: {
    summary: "readlink relative to a directory fd; glibc's readlink() calls it.",
    args: [
      DIRFD,
      ['pathname', 'The symlink.'],
      ['buf', 'Where to store the target.'],
      ['bufsiz', 'Buffer size.'],
    ],
    returns: 'Bytes placed in buf.',
    errors: [
      ['EINVAL', 'Not a symlink.'],
      ['ENOENT', 'No such file.'],
    ],
  },
  chmod: {
    summary: "Changes a file's permission bits (rwx for owner, group, others, plus setuid/setgid/sticky).",
    args: [
      ['pathname', 'The file.'],
      ['mode', 'The new mode, e.g. 0755.'],
    ],
    returns: '0 on success.',
    errors: [['EPERM', 'The caller does not own the file and lacks CAP_FOWNER.'], ...PATH_ERRORS],
  },
  fchmod: {
    summary:
      'chmod on an open fd: changes the permission bits of the file the fd refers to, with no path lookup.',
    args: [
      ['fd', 'The file.'],
      ['mode', 'The new mode.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not the owner.'],
      ['EBADF', 'fd is not open.'],
      ['EROFS', 'Read-only filesystem.'],
    ],
  },
  fchmodat: {
    summary: 'chmod relative to a directory fd (the kernel version has no flags argument; see fchmodat2).',
    args: [DIRFD, ['pathname', 'The file.'], ['mode', 'The new mode.']],
    returns: '0 on success.',
    errors: [['EPERM', 'Not the owner.'], ...PATH_ERRORS],
  },
  fchmodat2: {
    summary:
      'fchmodat with a real flags argument, so AT_SYMLINK_NOFOLLOW finally works in the kernel (added in 6.6). strace 6.1 prints it as syscall_0x1c4.',
    args: [
      DIRFD,
      ['pathname', 'The file.'],
      ['mode', 'The new mode.'],
      ['flags', 'AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EOPNOTSUPP', 'AT_SYMLINK_NOFOLLOW on a symlink (symlink modes cannot change).'],
      ['EPERM', 'Not the owner.'],
      ['ENOSYS', 'Kernel older than 6.6.'],
      ...PATH_ERRORS,
    ],
  },
  chown: {
    summary: "Changes a file's owner and/or group, following symlinks.",
    args: [
      ['pathname', 'The file.'],
      ['owner', 'New uid, or -1 to keep.'],
      ['group', 'New gid, or -1 to keep.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        'Changing the owner needs CAP_CHOWN; a regular owner may only change the group to one they belong to.',
      ],
      ['EINVAL', "The uid or gid is not mapped in the caller's user namespace."],
      ...PATH_ERRORS,
    ],
  },
  fchown: {
    summary: 'chown on an open fd: changes the owner and/or group of the file the fd refers to.',
    args: [
      ['fd', 'The file.'],
      ['owner', 'New uid or -1.'],
      ['group', 'New gid or -1.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not permitted (needs CAP_CHOWN).'],
      ['EBADF', 'fd is not open.'],
    ],
  },
  lchown: {
    summary: 'chown of a symlink itself rather than its target.',
    args: [
      ['pathname', 'The file or link.'],
      ['owner', 'New uid or -1.'],
      ['group', 'New gid or -1.'],
    ],
    returns: '0 on success.',
    errors: [['EPERM', 'Not permitted.'], ...PATH_ERRORS],
  },
  fchownat: {
    summary: "chown relative to a directory fd; glibc's chown, lchown and fchown map onto it.",
    args: [
      DIRFD,
      ['pathname', 'The file.'],
      ['owner', 'New uid or -1.'],
      ['group', 'New gid or -1.'],
      ['flags', 'AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not permitted (changing the owner needs CAP_CHOWN).'],
      ['EINVAL', "The uid or gid is not mapped in the caller's user namespace, or unknown flags."],
      ...PATH_ERRORS,
    ],
  },
  umask: {
    summary:
      'Sets the file-creation mask: permission bits removed from every newly created file or directory (022 removes group and other write). The shell builtin `umask` reads it by setting a value and putting the old one back.',
    args: [['mask', 'The new mask (strace shows it in octal).']],
    returns: 'The previous mask; never fails.',
    errors: [],
  },
  utimensat: {
    summary: "Sets a file's access and modification times with nanosecond precision; `touch` uses it.",
    args: [
      DIRFD,
      ['pathname', 'The file (or NULL to use dirfd itself).'],
      ['times', 'Two timespecs, or NULL for "now"; UTIME_NOW/UTIME_OMIT are special values.'],
      ['flags', 'AT_SYMLINK_NOFOLLOW.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Setting explicit times on a file you do not own.'],
      ['EACCES', 'Setting "now" without write permission, or a directory on the path is not searchable.'],
      ...PATH_ERRORS.filter(([errno]) => errno !== 'EACCES'),
    ],
  },
  mknod: {
    summary:
      'Creates a special file: a device node, a FIFO or a socket file. Building a minimal /dev in a chroot needs it (for /dev/null etc.).',
    args: [
      ['pathname', 'The new file.'],
      ['mode', 'File type (S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK, S_IFREG) and permissions.'],
      ['dev', 'Major/minor device numbers for device nodes.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        'Creating a device node needs CAP_MKNOD (and devices are refused in unprivileged user namespaces).',
      ],
      ['EEXIST', 'The name exists.'],
      ...PATH_ERRORS,
    ],
  },
  mknodat: {
    summary: 'mknod relative to a directory fd; `mkfifo` and `mknod` use it.',
    args: [
      DIRFD,
      ['pathname', 'The new file.'],
      ['mode', 'Type and permissions.'],
      ['dev', 'Device numbers.'],
    ],
    returns: '0 on success.',
    errors: [['EPERM', 'Device nodes need CAP_MKNOD.'], ['EEXIST', 'The name exists.'], ...PATH_ERRORS],
  },
  getxattr: {
    summary:
      'Reads one extended attribute of a file (name/value metadata beside the contents: SELinux labels, ACLs, file capabilities, user.* data), following symlinks.',
    args: [
      ['pathname', 'The file.'],
      ['name', 'The attribute, e.g. "security.selinux" or "system.posix_acl_access".'],
      ['value', 'Where to store the value.'],
      ['size', 'Buffer size; 0 asks only for the length.'],
    ],
    returns: 'The length of the value.',
    errors: [...XATTR_GET_ERRORS],
  },
  lgetxattr: {
    summary:
      'getxattr without following a symlink; `ls -l` calls it on every file to check for SELinux labels and ACLs (the "+" or "." after the mode).',
    args: [
      ['pathname', 'The file or link.'],
      ['name', 'The attribute.'],
      ['value', 'Where to store the value.'],
      ['size', 'Buffer size.'],
    ],
    returns: 'The length of the value.',
    errors: [...XATTR_GET_ERRORS],
  },
  fgetxattr: {
    summary: 'getxattr on an open fd: reads an extended attribute of the file the fd refers to.',
    args: [
      ['fd', 'The file.'],
      ['name', 'The attribute.'],
      ['value', 'Where to store the value.'],
      ['size', 'Buffer size.'],
    ],
    returns: 'The length of the value.',
    errors: [...XATTR_GET_ERRORS],
  },
  setxattr: {
    summary: 'Sets an extended attribute (e.g. `setcap` writes security.capability, `setfacl` writes ACLs).',
    args: [
      ['pathname', 'The file.'],
      ['name', 'The attribute.'],
      ['value', 'The new value.'],
      ['size', 'Its length.'],
      ['flags', 'XATTR_CREATE (must not exist) or XATTR_REPLACE (must exist), or 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'security.* and trusted.* need privileges (CAP_SETFCAP, CAP_SYS_ADMIN).'],
      ['EOPNOTSUPP', 'Not supported by the filesystem.'],
      ['EEXIST', 'XATTR_CREATE and it exists.'],
      ['ENODATA', 'XATTR_REPLACE and it does not exist.'],
      ['ENOSPC', 'No room for the attribute.'],
    ],
  },
  lsetxattr: {
    summary: 'setxattr on a symlink itself rather than on the file it points to.',
    args: [
      ['pathname', 'The file or link.'],
      ['name', 'The attribute.'],
      ['value', 'The value.'],
      ['size', 'Its length.'],
      ['flags', 'XATTR_CREATE/XATTR_REPLACE.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not permitted.'],
      ['EOPNOTSUPP', 'Not supported.'],
    ],
  },
  fsetxattr: {
    summary: 'setxattr on an open fd: sets an extended attribute of the file the fd refers to.',
    args: [
      ['fd', 'The file.'],
      ['name', 'The attribute.'],
      ['value', 'The value.'],
      ['size', 'Its length.'],
      ['flags', 'XATTR_CREATE/XATTR_REPLACE.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not permitted.'],
      ['EOPNOTSUPP', 'Not supported.'],
    ],
  },
  listxattr: {
    summary: "Lists the names of a file's extended attributes; `cp -a` and `getfattr` use it.",
    args: [
      ['pathname', 'The file.'],
      ['list', 'Where to store the NUL-separated names.'],
      ['size', 'Buffer size; 0 asks for the length.'],
    ],
    returns: 'The length of the name list.',
    errors: [
      ['ERANGE', 'Buffer too small.'],
      ['EOPNOTSUPP', 'Not supported.'],
      ['ENOENT', 'No such file.'],
    ],
  },
  llistxattr: {
    summary: 'listxattr on a symlink itself rather than on the file it points to.',
    args: [
      ['pathname', 'The file or link.'],
      ['list', 'Where to store the names.'],
      ['size', 'Buffer size.'],
    ],
    returns: 'The length of the name list.',
    errors: [
      ['ERANGE', 'Buffer too small.'],
      ['EOPNOTSUPP', 'Not supported.'],
    ],
  },
  removexattr: {
    summary: 'Removes an extended attribute from a file (following symlinks).',
    args: [
      ['pathname', 'The file.'],
      ['name', 'The attribute.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENODATA', 'No such attribute.'],
      ['EPERM', 'Not permitted.'],
      ['EOPNOTSUPP', 'Not supported.'],
    ],
  },
};
