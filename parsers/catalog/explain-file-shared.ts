/** Argument and error texts that several file-call families share. */

export const FD = ['fd', 'The open file descriptor to act on.'] as const;
export const STAT_ERRORS = [
  [
    'ENOENT',
    'The path (or a directory on it) does not exist — the dynamic loader and shells probe many paths this way, so most of these are expected.',
  ],
  ['ENOTDIR', 'A component of the path is not a directory.'],
  ['EACCES', 'A directory on the path is not searchable by this user.'],
  ['ELOOP', 'Too many symlinks.'],
  ['ENAMETOOLONG', 'The path is too long.'],
] as const;

export const DIRFD = [
  'dirfd',
  'Directory a relative path starts from; AT_FDCWD means the current directory.',
] as const;
export const PATH_ERRORS = [
  ['ENOENT', 'The path, or a directory on it, does not exist.'],
  ['EACCES', 'A directory on the path is not searchable, or the containing directory is not writable.'],
  ['ENOTDIR', 'A path component is not a directory.'],
  ['EROFS', 'The filesystem is read-only.'],
] as const;
export const XATTR_GET_ERRORS = [
  [
    'ENODATA',
    'The file has no attribute with that name — the usual answer when ls/cp probe security.selinux, security.capability or system.posix_acl_access. Harmless.',
  ],
  ['EOPNOTSUPP', 'The filesystem (or this namespace) does not support extended attributes.'],
  ['ERANGE', 'The buffer is too small; callers ask again with size 0 to learn the length.'],
  ['ENOENT', 'The file does not exist.'],
] as const;
