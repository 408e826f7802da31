import { FD, STAT_ERRORS } from './explain-file-shared.js';
import type { SyscallExplanation } from './types.js';

/** Opening, reading, writing, describing and closing files. */
export const FILE_IO_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  read: {
    summary:
      'Reads bytes from an fd into memory, from the current file position (which then advances). For pipes, sockets and terminals it waits until some data is available. The loader reads the first 832 bytes of each library to check its ELF header.',
    args: [
      FD,
      ['buf', 'Where to put the bytes (strace shows the data read, truncated to -s bytes).'],
      ['count', 'The most bytes to read.'],
    ],
    returns:
      'The number of bytes read — possibly fewer than asked; 0 means end of file (or the writer closed the pipe).',
    errors: [
      ['EAGAIN', 'Non-blocking fd and no data yet.'],
      ['EBADF', 'fd is not open, or not open for reading.'],
      ['EINTR', 'A signal arrived before any data was read.'],
      ['EISDIR', 'fd refers to a directory (use getdents64).'],
      ['EIO', 'A low-level I/O error, or a background process reading from its terminal.'],
      ['EFAULT', "buf is outside the process's memory."],
    ],
  },
  write: {
    summary:
      'Writes bytes from memory to an fd: a file, the terminal (fd 1 is stdout, 2 is stderr), a pipe or a socket. A program\'s visible output is its write calls — `printf("hello\\n")` becomes write(1, "hello\\n", 6).',
    args: [FD, ['buf', 'The bytes to write (strace shows them as a string).'], ['count', 'How many bytes.']],
    returns: 'The number of bytes written, which can be fewer than count for pipes and sockets.',
    errors: [
      [
        'EPIPE',
        'The reading end of the pipe or socket is closed; SIGPIPE is sent too (this is how `cmd | head` stops cmd).',
      ],
      ['EBADF', 'fd is not open, or not open for writing.'],
      ['EAGAIN', 'Non-blocking fd and the pipe/socket buffer is full.'],
      ['ENOSPC', 'The filesystem is full.'],
      ['EDQUOT', "The user's disk quota is used up."],
      ['EFBIG', 'The file would exceed the size limit.'],
      ['EINTR', 'A signal arrived before anything was written.'],
      ['EIO', 'A low-level I/O error.'],
    ],
  },
  open: {
    summary:
      'Opens (or creates) a file by path and returns a new fd. Old programs and static binaries still use it; glibc itself calls openat for open().',
    args: [
      ['pathname', 'The file, relative to the current directory unless absolute.'],
      [
        'flags',
        'O_RDONLY/O_WRONLY/O_RDWR plus O_CREAT, O_TRUNC, O_APPEND, O_CLOEXEC, O_DIRECTORY, O_NOFOLLOW, O_NONBLOCK...',
      ],
      ['mode', 'Permission bits for a new file (with O_CREAT), before the umask is applied.'],
    ],
    returns: 'The new fd: the lowest-numbered one not in use.',
    errors: [
      [
        'ENOENT',
        'The file does not exist (and O_CREAT was not given), or a directory on the path is missing.',
      ],
      [
        'EACCES',
        'Permission bits forbid the requested access, or a directory on the path is not searchable.',
      ],
      ['EEXIST', 'O_CREAT|O_EXCL and the file exists.'],
      ['EISDIR', 'Opening a directory for writing.'],
      ['EMFILE', 'The process has too many open fds.'],
      ['ENOTDIR', 'A path component is not a directory.'],
      ['EROFS', 'Write access requested on a read-only filesystem.'],
    ],
  },
  openat: {
    summary:
      'Opens (or creates) a file and returns a new fd; the modern form of open, used by glibc for every fopen/open. In a start-up trace the loader opens /etc/ld.so.cache and then each library (libc.so.6...) this way; failed openat calls with ENOENT are the loader searching directories, usually harmless. Inside a chroot, the paths are resolved from the new root.',
    args: [
      ['dirfd', 'The directory a relative path starts from; AT_FDCWD means the current directory.'],
      ['pathname', 'The file to open.'],
      [
        'flags',
        "Access mode (O_RDONLY, O_WRONLY, O_RDWR) plus O_CLOEXEC (almost always, so exec'd children do not inherit it), O_CREAT, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW, O_PATH, O_TMPFILE...",
      ],
      [
        'mode',
        'Permission bits for a new file (only with O_CREAT/O_TMPFILE); the umask is removed from them.',
      ],
    ],
    returns: 'The new fd (the lowest free number; 3 is the first after stdin/stdout/stderr).',
    errors: [
      [
        'ENOENT',
        'The file or a directory on the path does not exist. Expected while the loader or a program probes candidate paths; a problem when it is the library or config the program then fails without.',
      ],
      [
        'EACCES',
        "Permission denied by the file's mode bits, or a directory on the path is not searchable (x missing).",
      ],
      ['EEXIST', 'O_CREAT|O_EXCL and the file already exists.'],
      ['EISDIR', 'pathname is a directory and write access was requested.'],
      ['ENOTDIR', 'A path component is not a directory, or O_DIRECTORY was given for a non-directory.'],
      ['ELOOP', 'Too many symlinks, or O_NOFOLLOW and the last component is a symlink.'],
      ['EMFILE', 'The process hit its open-fd limit (RLIMIT_NOFILE).'],
      ['EROFS', 'Write access on a read-only filesystem (e.g. a read-only bind mount).'],
      ['EPERM', 'The file is immutable/append-only, or O_NOATIME without owning the file.'],
      [
        'ENXIO',
        'A device node with no device behind it, or a FIFO opened write-only non-blocking with no reader.',
      ],
    ],
  },
  openat2: {
    summary:
      'openat with a structure of options, chiefly "resolve" rules that constrain path lookup: RESOLVE_IN_ROOT (treat dirfd as the root, like a per-call chroot), RESOLVE_BENEATH, RESOLVE_NO_SYMLINKS, RESOLVE_NO_XDEV. Container runtimes use it to open paths inside a container safely.',
    args: [
      ['dirfd', 'Starting directory, or AT_FDCWD.'],
      ['pathname', 'The path.'],
      ['how', 'struct open_how: flags, mode and resolve.'],
      ['size', 'sizeof(struct open_how).'],
    ],
    returns: 'The new fd.',
    errors: [
      ['EXDEV', 'The path would escape the root or cross a mount that the resolve flags forbid.'],
      ['ELOOP', 'A symlink where RESOLVE_NO_SYMLINKS forbids one.'],
      ['EAGAIN', 'RESOLVE_CACHED could not be satisfied from cache.'],
      ['E2BIG', 'size is larger than the kernel understands with non-zero extra bytes.'],
      ['ENOENT', 'The file does not exist.'],
    ],
  },
  creat: {
    summary:
      'Creates (or truncates) a file and opens it for writing; an old shorthand for open(path, O_CREAT|O_WRONLY|O_TRUNC, mode).',
    args: [
      ['pathname', 'The file.'],
      ['mode', 'Permission bits for a new file.'],
    ],
    returns: 'The new fd.',
    errors: [
      ['EACCES', 'No write permission on the directory or the existing file.'],
      ['ENOENT', 'A directory on the path is missing.'],
      ['EROFS', 'Read-only filesystem.'],
    ],
  },
  close: {
    summary:
      'Releases a file descriptor. When the last fd for an open file goes away, the file is really closed (locks dropped, pipe readers see EOF). The loader closes each library fd once it is mapped.',
    args: [FD],
    returns: '0 on success. The fd is released even if an error is reported.',
    errors: [
      ['EBADF', 'fd was not open — a double close, or defensive code closing fds it never opened.'],
      ['EINTR', 'A signal arrived; the fd is closed anyway on Linux, so do not retry.'],
      ['EIO', 'A delayed write error surfaced at close (e.g. on NFS).'],
    ],
  },
  close_range: {
    summary:
      'Closes (or marks close-on-exec) every fd in a range in one call; programs use it before exec to avoid leaking fds to children.',
    args: [
      ['first', 'Lowest fd.'],
      ['last', 'Highest fd (~0U means "all above first").'],
      ['flags', 'CLOSE_RANGE_CLOEXEC (only mark), CLOSE_RANGE_UNSHARE.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Bad flags or first > last.'],
      ['ENOSYS', 'Kernel older than 5.9 (callers then loop over close).'],
    ],
  },
  stat: {
    summary:
      "Gets a file's metadata (type, mode bits, owner, size, times, inode) by path, following symlinks. Modern glibc uses newfstatat instead.",
    args: [
      ['pathname', 'The file.'],
      ['statbuf', 'Where to store struct stat.'],
    ],
    returns: '0 on success.',
    errors: [...STAT_ERRORS],
  },
  lstat: {
    summary: 'Like stat, but if the path is a symlink it describes the link itself rather than its target.',
    args: [
      ['pathname', 'The file.'],
      ['statbuf', 'Where to store struct stat.'],
    ],
    returns: '0 on success.',
    errors: [...STAT_ERRORS],
  },
  fstat: {
    summary:
      'Gets metadata of an open fd. glibc now implements fstat() with newfstatat(fd, "", ..., AT_EMPTY_PATH).',
    args: [FD, ['statbuf', 'Where to store struct stat.']],
    returns: '0 on success.',
    errors: [['EBADF', 'fd is not open.']],
  },
  newfstatat: {
    summary:
      "Gets a file's metadata (type, permissions, owner, size, timestamps, inode, device) — glibc's stat(), lstat() and fstat() all become this call. With an empty path and AT_EMPTY_PATH it describes an already open fd: the loader does that to learn each library's size before mapping it. The \"new\" in the name refers to the struct layout, not to anything visible.",
    args: [
      [
        'dirfd',
        'Directory a relative path starts from, AT_FDCWD for the current directory, or the fd itself with AT_EMPTY_PATH.',
      ],
      ['pathname', 'The file, or "" with AT_EMPTY_PATH.'],
      ['statbuf', 'Where to store struct stat (strace shows st_mode, st_size, ...).'],
      [
        'flags',
        'AT_SYMLINK_NOFOLLOW (describe a symlink itself, i.e. lstat), AT_EMPTY_PATH (describe dirfd), AT_NO_AUTOMOUNT.',
      ],
    ],
    returns: '0 on success.',
    errors: [...STAT_ERRORS, ['EBADF', 'dirfd is not an open fd.']],
  },
  statx: {
    summary:
      'The extensible stat: asks for exactly the fields wanted (mask) and can return more than classic stat, such as birth time and mount id. coreutils (ls, stat) use it.',
    args: [
      ['dirfd', 'Starting directory, AT_FDCWD, or the fd itself with AT_EMPTY_PATH.'],
      ['pathname', 'The file.'],
      ['flags', 'AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_STATX_SYNC_AS_STAT/FORCE_SYNC/DONT_SYNC.'],
      ['mask', 'Which fields are wanted (STATX_BASIC_STATS, STATX_BTIME, STATX_MNT_ID...).'],
      ['statxbuf', 'Where to store struct statx; stx_mask says which fields were filled.'],
    ],
    returns: '0 on success.',
    errors: [
      ...STAT_ERRORS,
      ['ENOSYS', 'Kernel older than 4.11 or blocked by seccomp; glibc falls back to newfstatat.'],
    ],
  },
  statfs: {
    summary:
      "Describes the filesystem a path lives on: type (magic number), block size, free space, mount flags. `df` uses it, and programs use it to check a filesystem's type (systemd asks whether /sys/fs/cgroup is cgroup2).",
    args: [
      ['path', 'Any path on the filesystem.'],
      ['buf', 'Where to store struct statfs.'],
    ],
    returns: '0 on success.',
    errors: [...STAT_ERRORS.slice(0, 3), ['ENOSYS', 'The filesystem does not support it.']],
  },
  fstatfs: {
    summary: 'Like statfs, for the filesystem an open fd lives on.',
    args: [FD, ['buf', 'Where to store struct statfs.']],
    returns: '0 on success.',
    errors: [['EBADF', 'fd is not open.']],
  },
  lseek: {
    summary:
      'Moves the file position of an fd (where the next read or write happens), or asks where it is. Also finds holes in sparse files with SEEK_DATA/SEEK_HOLE.',
    args: [
      FD,
      ['offset', 'How far to move.'],
      [
        'whence',
        'SEEK_SET (from the start), SEEK_CUR (from here), SEEK_END (from the end), SEEK_DATA, SEEK_HOLE.',
      ],
    ],
    returns: 'The resulting position, in bytes from the start of the file.',
    errors: [
      [
        'ESPIPE',
        'fd is a pipe, socket or FIFO, which cannot seek — often a library checking whether its input is seekable.',
      ],
      ['EINVAL', 'Bad whence, or the result would be negative.'],
      ['EBADF', 'fd is not open.'],
      ['ENXIO', 'SEEK_DATA/SEEK_HOLE past the end of the file.'],
    ],
  },
  pread64: {
    summary:
      "Reads from a given offset without moving the file position — safe for several threads sharing an fd. The loader uses it to read a library's program headers and notes (e.g. pread64(3, ..., 784, 64)).",
    args: [
      FD,
      ['buf', 'Where to put the bytes.'],
      ['count', 'The most bytes to read.'],
      ['offset', 'Where in the file to read from.'],
    ],
    returns: 'The number of bytes read; 0 at end of file.',
    errors: [
      ['ESPIPE', 'fd is a pipe or socket.'],
      ['EBADF', 'fd is not open for reading.'],
      ['EINVAL', 'Negative offset.'],
      ['EISDIR', 'fd is a directory.'],
    ],
  },
  pwrite64: {
    summary: 'Writes at a given offset without moving the file position (databases use it).',
    args: [FD, ['buf', 'The bytes.'], ['count', 'How many.'], ['offset', 'Where in the file to write.']],
    returns: 'The number of bytes written.',
    errors: [
      ['ESPIPE', 'fd is a pipe or socket.'],
      ['EBADF', 'fd is not open for writing.'],
      ['ENOSPC', 'The filesystem is full.'],
    ],
  },
  readv: {
    summary: 'Reads into several buffers in one call ("scatter" read), filling each in order.',
    args: [FD, ['iov', 'Array of {base, len} buffers.'], ['iovcnt', 'How many buffers.']],
    returns: 'Total bytes read; 0 at end of file.',
    errors: [
      ['EINVAL', 'iovcnt out of range or total length overflows.'],
      ['EAGAIN', 'Non-blocking and nothing to read.'],
      ['EBADF', 'fd is not open for reading.'],
    ],
  },
  writev: {
    summary:
      'Writes several buffers in one call ("gather" write); stdio and loggers use it to write a header and a body together.',
    args: [FD, ['iov', 'Array of {base, len} buffers.'], ['iovcnt', 'How many buffers.']],
    returns: 'Total bytes written.',
    errors: [
      ['EPIPE', 'The reader is gone (SIGPIPE is sent too).'],
      ['EAGAIN', 'Non-blocking and the buffer is full.'],
      ['EBADF', 'fd is not open for writing.'],
    ],
  },
  preadv: {
    summary: 'readv at a given offset, without moving the file position.',
    args: [
      FD,
      ['iov', 'Array of buffers.'],
      ['iovcnt', 'How many.'],
      ['pos_l', 'Low 32 bits of the offset (strace shows one combined offset).'],
      ['pos_h', 'High 32 bits of the offset.'],
    ],
    returns: 'Total bytes read.',
    errors: [
      ['ESPIPE', 'Not seekable.'],
      ['EBADF', 'Not open for reading.'],
    ],
  },
  pwritev: {
    summary: 'writev at a given offset, without moving the file position.',
    args: [
      FD,
      ['iov', 'Array of buffers.'],
      ['iovcnt', 'How many.'],
      ['pos_l', 'Low 32 bits of the offset.'],
      ['pos_h', 'High 32 bits of the offset.'],
    ],
    returns: 'Total bytes written.',
    errors: [
      ['ESPIPE', 'Not seekable.'],
      ['EBADF', 'Not open for writing.'],
    ],
  },
  dup: {
    summary:
      'Duplicates an fd: the new number refers to the same open file (same position, same flags except close-on-exec).',
    args: [['oldfd', 'The fd to copy.']],
    returns: 'The new fd (lowest free number).',
    errors: [
      ['EBADF', 'oldfd is not open.'],
      ['EMFILE', 'Too many open fds.'],
    ],
  },
  dup2: {
    summary:
      'Makes newfd refer to the same open file as oldfd, closing newfd first if needed. Shells implement redirections and pipes with it: `cmd > out` is open("out") then dup2(fd, 1).',
    args: [
      ['oldfd', 'The fd to copy.'],
      ['newfd', 'The number it should also have (e.g. 0, 1 or 2).'],
    ],
    returns: 'newfd.',
    errors: [
      ['EBADF', 'oldfd is not open, or newfd is out of range.'],
      ['EBUSY', 'A race with open/dup in another thread.'],
      ['EINTR', 'Interrupted while closing newfd.'],
    ],
  },
  dup3: {
    summary: 'dup2 with flags: can set close-on-exec on the new fd atomically.',
    args: [
      ['oldfd', 'The fd to copy.'],
      ['newfd', 'The target number.'],
      ['flags', 'O_CLOEXEC or 0.'],
    ],
    returns: 'newfd.',
    errors: [
      ['EBADF', 'oldfd is not open.'],
      ['EINVAL', 'oldfd equals newfd, or bad flags.'],
    ],
  },
  fcntl: {
    summary:
      'Miscellaneous operations on an fd: duplicate it (F_DUPFD, F_DUPFD_CLOEXEC — shells save stdout this way), get/set close-on-exec (F_GETFD/F_SETFD), get/set status flags like O_NONBLOCK (F_GETFL/F_SETFL), record locks (F_SETLK, F_OFD_*), leases, pipe size, file seals.',
    args: [
      FD,
      ['cmd', 'The F_... operation.'],
      ['arg', 'Its argument: a number, flags, or a struct flock pointer.'],
    ],
    returns: 'Depends on cmd: the new fd for F_DUPFD, the flags for F_GETFD/F_GETFL, 0 for most setters.',
    errors: [
      [
        'EBADF',
        'fd is not open — bash does fcntl(255, F_GETFD) to check that fd 255 is free before using it for the script it reads.',
      ],
      ['EAGAIN', 'A lock is held by another process (F_SETLK).'],
      ['EINVAL', 'Unknown cmd or bad argument.'],
      ['EMFILE', 'No free fd for F_DUPFD.'],
    ],
  },
  flock: {
    summary:
      'Places or removes an advisory whole-file lock (shared or exclusive); `flock(1)` and package managers use it to avoid running twice.',
    args: [FD, ['operation', 'LOCK_SH, LOCK_EX or LOCK_UN, optionally | LOCK_NB.']],
    returns: '0 on success.',
    errors: [
      ['EAGAIN', '(EWOULDBLOCK) LOCK_NB and someone else holds a conflicting lock.'],
      ['EINTR', 'Interrupted while waiting.'],
      ['EBADF', 'fd is not open.'],
    ],
  },
};
