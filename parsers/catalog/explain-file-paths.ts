import { DIRFD, PATH_ERRORS } from './explain-file-shared.js';
import type { SyscallExplanation } from './types.js';

/** Paths and directories: access checks, the working directory, names, links. */
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
};
