import { DIRFD, PATH_ERRORS, XATTR_GET_ERRORS } from './explain-file-shared.js';
import type { SyscallExplanation } from './types.js';

/** Permissions, ownership, times, device nodes and extended attributes of files. */
export const FILE_ATTR_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
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
