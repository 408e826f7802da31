import type { SyscallExplanation } from './types.js';

const DIRFD = [
  'dirfd',
  'Directory a relative path starts from; AT_FDCWD means the current directory.',
] as const;
const AT_FLAGS = ['at_flags', 'AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH (act on dirfd itself).'] as const;
const AIO_CTX = ['ctx_id', 'The AIO context from io_setup.'] as const;

/** Less common file calls: legacy AIO, pipes-as-buffers, fanotify, handles, and the newest xattr/attr calls. */
export const FILE_MORE_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  utime: {
    summary:
      "Sets a file's access and modification times in whole seconds (obsolete; utimensat replaced it).",
    args: [
      ['filename', 'The file.'],
      ['times', '{actime, modtime}, or NULL for "now".'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Explicit times on a file you do not own.'],
      ['EACCES', 'NULL times without write permission.'],
      ['ENOENT', 'No such file.'],
    ],
  },
  utimes: {
    summary: 'Sets access and modification times with microseconds (obsolete; utimensat replaced it).',
    args: [
      ['filename', 'The file.'],
      ['times', 'Two timevals, or NULL for "now".'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Explicit times on a file you do not own.'],
      ['EACCES', 'NULL times without write permission.'],
      ['ENOENT', 'No such file.'],
    ],
  },
  futimesat: {
    summary: 'utimes relative to a directory fd (obsolete; utimensat replaced it).',
    args: [DIRFD, ['pathname', 'The file.'], ['times', 'Two timevals, or NULL.']],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not the owner.'],
      ['ENOENT', 'No such file.'],
      ['EBADF', 'Bad dirfd.'],
    ],
  },
  inotify_init: {
    summary: 'Creates an inotify instance (old form without flags; inotify_init1 is used today).',
    args: [],
    returns: 'The inotify fd.',
    errors: [['EMFILE', 'Too many inotify instances or fds.']],
  },
  flistxattr: {
    summary: 'listxattr on an open fd: lists the names of its extended attributes.',
    args: [
      ['fd', 'The file.'],
      ['list', 'Where to store the NUL-separated names.'],
      ['size', 'Buffer size; 0 asks for the length.'],
    ],
    returns: 'The length of the name list.',
    errors: [
      ['ERANGE', 'Buffer too small.'],
      ['EOPNOTSUPP', 'Not supported.'],
      ['EBADF', 'fd is not open.'],
    ],
  },
  lremovexattr: {
    summary: 'Removes an extended attribute of a symlink itself rather than of its target.',
    args: [
      ['pathname', 'The file or link.'],
      ['name', 'The attribute.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENODATA', 'No such attribute.'],
      ['EPERM', 'Not permitted.'],
    ],
  },
  fremovexattr: {
    summary: 'Removes an extended attribute of the file an fd refers to.',
    args: [
      ['fd', 'The file.'],
      ['name', 'The attribute.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENODATA', 'No such attribute.'],
      ['EPERM', 'Not permitted.'],
      ['EBADF', 'fd is not open.'],
    ],
  },
  setxattrat: {
    summary:
      'Sets an extended attribute relative to a directory fd, with the value passed in a struct (Linux 6.13); unifies setxattr/lsetxattr/fsetxattr.',
    args: [
      DIRFD,
      ['pathname', 'The file, or "" with AT_EMPTY_PATH.'],
      AT_FLAGS,
      ['name', 'The attribute.'],
      ['args', 'struct xattr_args: value pointer, size and XATTR_CREATE/REPLACE flags.'],
      ['size', 'sizeof(struct xattr_args).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not permitted.'],
      ['EOPNOTSUPP', 'Not supported.'],
      ['ENOSYS', 'Kernel older than 6.13.'],
    ],
  },
  getxattrat: {
    summary: 'Reads an extended attribute relative to a directory fd (Linux 6.13).',
    args: [
      DIRFD,
      ['pathname', 'The file.'],
      AT_FLAGS,
      ['name', 'The attribute.'],
      ['args', 'struct xattr_args: value buffer and size.'],
      ['size', 'sizeof(struct xattr_args).'],
    ],
    returns: 'The length of the value.',
    errors: [
      ['ENODATA', 'No such attribute.'],
      ['ERANGE', 'Buffer too small.'],
      ['ENOSYS', 'Kernel older than 6.13.'],
    ],
  },
  listxattrat: {
    summary: 'Lists extended attribute names relative to a directory fd (Linux 6.13).',
    args: [
      DIRFD,
      ['pathname', 'The file.'],
      AT_FLAGS,
      ['list', 'Where to store the names.'],
      ['size', 'Buffer size.'],
    ],
    returns: 'The length of the name list.',
    errors: [
      ['ERANGE', 'Buffer too small.'],
      ['ENOSYS', 'Kernel older than 6.13.'],
    ],
  },
  removexattrat: {
    summary: 'Removes an extended attribute relative to a directory fd (Linux 6.13).',
    args: [DIRFD, ['pathname', 'The file.'], AT_FLAGS, ['name', 'The attribute.']],
    returns: '0 on success.',
    errors: [
      ['ENODATA', 'No such attribute.'],
      ['ENOSYS', 'Kernel older than 6.13.'],
    ],
  },
  file_getattr: {
    summary:
      "Reads a file's filesystem-level attribute flags (immutable, append-only, project id...) by path, the same data as the FS_IOC_FSGETXATTR ioctl but without opening the file (Linux 6.17).",
    args: [
      DIRFD,
      ['pathname', 'The file.'],
      ['fsx', 'Where to store struct file_attr.'],
      ['size', 'Its size.'],
      AT_FLAGS,
    ],
    returns: '0 on success.',
    errors: [
      ['EOPNOTSUPP', 'The filesystem does not have these attributes.'],
      ['ENOSYS', 'Kernel older than 6.17.'],
    ],
  },
  file_setattr: {
    summary: "Sets a file's filesystem-level attribute flags by path (Linux 6.17); `chattr`-like.",
    args: [
      DIRFD,
      ['pathname', 'The file.'],
      ['fsx', 'The new struct file_attr.'],
      ['size', 'Its size.'],
      AT_FLAGS,
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Setting immutable/append-only needs CAP_LINUX_IMMUTABLE.'],
      ['EOPNOTSUPP', 'Not supported.'],
      ['ENOSYS', 'Kernel older than 6.17.'],
    ],
  },
  cachestat: {
    summary:
      'Reports how much of a file range is in the page cache (cached, dirty, under writeback, evicted) — to decide whether reading it will be fast (Linux 6.5). strace 6.1 prints it as syscall_0x1c3.',
    args: [
      ['fd', 'The file.'],
      ['cstat_range', '{offset, len} of the range; len 0 means to the end.'],
      ['cstat', 'Where to store the counts.'],
      ['flags', 'Must be 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EBADF', 'fd is not open (the corpus program calls it with fd -1 on purpose).'],
      ['EOPNOTSUPP', 'fd is a hugetlbfs file.'],
      ['EINVAL', 'Non-zero flags.'],
      ['ENOSYS', 'Kernel older than 6.5.'],
    ],
  },
  preadv2: {
    summary:
      'preadv with per-call flags such as RWF_NOWAIT (fail instead of blocking on uncached data) or RWF_HIPRI; an offset of -1 uses the file position.',
    args: [
      ['fd', 'The file.'],
      ['iov', 'Array of buffers.'],
      ['iovcnt', 'How many.'],
      ['pos_l', 'Low 32 bits of the offset.'],
      ['pos_h', 'High 32 bits of the offset.'],
      ['flags', 'RWF_NOWAIT, RWF_HIPRI, RWF_DSYNC, ...'],
    ],
    returns: 'Total bytes read.',
    errors: [
      ['EAGAIN', 'RWF_NOWAIT and the data is not cached.'],
      ['EOPNOTSUPP', 'A flag unsupported by this file.'],
      ['EBADF', 'Not open for reading.'],
    ],
  },
  pwritev2: {
    summary: 'pwritev with per-call flags such as RWF_APPEND, RWF_DSYNC or RWF_NOWAIT.',
    args: [
      ['fd', 'The file.'],
      ['iov', 'Array of buffers.'],
      ['iovcnt', 'How many.'],
      ['pos_l', 'Low 32 bits of the offset.'],
      ['pos_h', 'High 32 bits of the offset.'],
      ['flags', 'RWF_APPEND, RWF_DSYNC, RWF_SYNC, RWF_NOWAIT, ...'],
    ],
    returns: 'Total bytes written.',
    errors: [
      ['EAGAIN', 'RWF_NOWAIT and it would block.'],
      ['EOPNOTSUPP', 'Unsupported flag.'],
      ['EBADF', 'Not open for writing.'],
    ],
  },
  sync_file_range: {
    summary:
      'Starts and/or waits for writeback of part of a file, without the metadata guarantees of fsync — a performance tool, not a durability one.',
    args: [
      ['fd', 'The file.'],
      ['offset', 'Start of the range.'],
      ['nbytes', 'Length (0 = to the end).'],
      ['flags', 'SYNC_FILE_RANGE_WAIT_BEFORE, _WRITE, _WAIT_AFTER.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESPIPE', 'fd is a pipe or socket.'],
      ['EINVAL', 'Bad flags or range.'],
      ['EIO', 'Writeback failed.'],
    ],
  },
  tee: {
    summary:
      'Duplicates data from one pipe into another without consuming it (the kernel-side building block of the `tee` idea).',
    args: [
      ['fd_in', 'Source pipe.'],
      ['fd_out', 'Destination pipe.'],
      ['len', 'How many bytes.'],
      ['flags', 'SPLICE_F_NONBLOCK, ...'],
    ],
    returns: 'Bytes duplicated; 0 if there was nothing.',
    errors: [
      ['EINVAL', 'One fd is not a pipe, or both are the same pipe.'],
      ['EAGAIN', 'Would block.'],
    ],
  },
  vmsplice: {
    summary:
      "Moves user memory into a pipe (or a pipe's data into memory) with as little copying as possible.",
    args: [
      ['fd', 'The pipe.'],
      ['iov', 'The memory ranges.'],
      ['nr_segs', 'How many ranges.'],
      ['flags', 'SPLICE_F_GIFT, SPLICE_F_NONBLOCK.'],
    ],
    returns: 'Bytes transferred.',
    errors: [
      ['EBADF', 'fd is not a pipe open in the right direction.'],
      ['EAGAIN', 'Would block.'],
    ],
  },
  io_setup: {
    summary:
      'Creates a legacy Linux AIO context that can hold a number of in-flight asynchronous I/O requests (databases with O_DIRECT use it; io_uring is its successor).',
    args: [
      ['nr_events', 'How many concurrent requests.'],
      ['ctxp', 'Where to store the context id (must point to 0).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EAGAIN', 'nr_events exceeds /proc/sys/fs/aio-max-nr.'],
      ['EINVAL', 'ctxp not zeroed or nr_events invalid.'],
      ['ENOSYS', 'AIO not built in.'],
    ],
  },
  io_destroy: {
    summary: 'Destroys an AIO context, cancelling outstanding requests.',
    args: [AIO_CTX],
    returns: '0 on success.',
    errors: [['EINVAL', 'Bad context.']],
  },
  io_submit: {
    summary: 'Queues asynchronous read/write/fsync requests on an AIO context.',
    args: [AIO_CTX, ['nr', 'How many requests.'], ['iocbpp', 'Array of pointers to struct iocb.']],
    returns: 'The number of requests queued.',
    errors: [
      ['EAGAIN', 'Not enough resources.'],
      ['EINVAL', 'Bad context or request (e.g. not O_DIRECT where required).'],
      ['EBADF', 'A request names a bad fd.'],
    ],
  },
  io_getevents: {
    summary: 'Waits for completed AIO requests and returns their results.',
    args: [
      AIO_CTX,
      ['min_nr', 'Wait for at least this many.'],
      ['nr', 'Return at most this many.'],
      ['events', 'Where to store the completions.'],
      ['timeout', 'How long to wait, or NULL.'],
    ],
    returns: 'The number of events returned.',
    errors: [
      ['EINTR', 'Interrupted.'],
      ['EINVAL', 'Bad context or counts.'],
    ],
  },
  io_pgetevents: {
    summary: 'io_getevents with a signal mask applied atomically while waiting.',
    args: [
      AIO_CTX,
      ['min_nr', 'Minimum to wait for.'],
      ['nr', 'Maximum to return.'],
      ['events', 'Where to store them.'],
      ['timeout', 'How long to wait.'],
      ['usig', 'Signal mask to apply while waiting.'],
    ],
    returns: 'The number of events returned.',
    errors: [
      ['EINTR', 'Interrupted.'],
      ['EINVAL', 'Bad arguments.'],
    ],
  },
  io_cancel: {
    summary: 'Tries to cancel one queued AIO request before the kernel starts on it.',
    args: [
      AIO_CTX,
      ['iocb', 'The request to cancel.'],
      ['result', 'Where to store its completion event if cancelled.'],
    ],
    returns: '0 if cancelled.',
    errors: [
      ['EAGAIN', 'The request could not be cancelled (already running or done).'],
      ['EINVAL', 'Bad context.'],
    ],
  },
  fanotify_init: {
    summary:
      'Creates an fanotify group: filesystem-wide notification of file accesses, optionally allowing the listener to approve or deny opens (virus scanners, audit tools).',
    args: [
      [
        'flags',
        'Notification class and options: FAN_CLASS_NOTIF/CONTENT/PRE_CONTENT, FAN_CLOEXEC, FAN_REPORT_FID, ...',
      ],
      ['event_f_flags', 'Open flags for the fds passed with events.'],
    ],
    returns: 'The fanotify fd.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_ADMIN for most modes.'],
      ['EINVAL', 'Bad flags.'],
      ['EMFILE', 'Too many groups or fds.'],
    ],
  },
  fanotify_mark: {
    summary:
      'Adds or removes what an fanotify group watches: a file, a directory, a whole mount or a filesystem.',
    args: [
      ['fanotify_fd', 'The group.'],
      ['flags', 'FAN_MARK_ADD/REMOVE, FAN_MARK_MOUNT, FAN_MARK_FILESYSTEM, ...'],
      ['mask', 'Events: FAN_OPEN, FAN_ACCESS, FAN_MODIFY, FAN_OPEN_PERM, ...'],
      ['dirfd', 'Directory for pathname.'],
      ['pathname', 'The object to mark.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Bad flags or mask.'],
      ['ENOENT', 'No such path, or no mark to remove.'],
      ['ENOSPC', 'Mark limit reached.'],
    ],
  },
  name_to_handle_at: {
    summary:
      'Turns a path into a persistent "file handle" that identifies the file independently of its name (NFS servers in user space, checkpointing).',
    args: [
      DIRFD,
      ['pathname', 'The file.'],
      ['handle', 'Where to store struct file_handle.'],
      ['mount_id', 'Where to store the mount id.'],
      ['flags', 'AT_SYMLINK_FOLLOW, AT_EMPTY_PATH, AT_HANDLE_FID.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EOVERFLOW', 'handle_bytes too small; the needed size is written back.'],
      ['EOPNOTSUPP', 'The filesystem cannot export handles.'],
      ['ENOENT', 'No such file.'],
    ],
  },
  open_by_handle_at: {
    summary:
      'Opens a file from a handle made by name_to_handle_at. Needs CAP_DAC_READ_SEARCH because it bypasses path permission checks — a famous early container escape ("shocker") abused it.',
    args: [
      ['mount_fd', 'Any fd on the filesystem the handle belongs to.'],
      ['handle', 'The file handle.'],
      ['flags', 'Open flags, as for open.'],
    ],
    returns: 'A new fd.',
    errors: [
      ['EPERM', 'The caller lacks CAP_DAC_READ_SEARCH.'],
      ['ESTALE', 'The file no longer exists.'],
      ['EINVAL', 'Bad handle.'],
    ],
  },
};
