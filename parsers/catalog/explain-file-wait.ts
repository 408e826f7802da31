import type { SyscallExplanation } from './types.js';

const EPFD = ['epfd', 'The epoll instance (from epoll_create1).'] as const;
const WAIT_ERRORS = [
  ['EINTR', 'A signal arrived before any fd became ready or the timeout expired.'],
  ['EBADF', 'One of the fds is not open.'],
  ['EINVAL', 'A negative count or timeout value out of range.'],
] as const;

/** Waiting for fds to become ready, and watching files: select, poll, epoll, inotify, io_uring. */
export const FILE_WAIT_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  select: {
    summary:
      'Waits until one of several fds is ready to read or write (or has an exception), or a timeout passes. The oldest readiness API, limited to fd numbers below 1024.',
    args: [
      ['nfds', 'One more than the highest fd in any set.'],
      ['readfds', 'Set of fds to watch for reading (updated to the ready ones).'],
      ['writefds', 'Set of fds to watch for writing.'],
      ['exceptfds', 'Set of fds to watch for exceptional conditions.'],
      [
        'timeout',
        'How long to wait (NULL = forever, zero = just poll); Linux updates it with the time left.',
      ],
    ],
    returns: 'The number of ready fds; 0 if the timeout expired.',
    errors: [...WAIT_ERRORS],
  },
  pselect6: {
    summary:
      'select with a nanosecond timeout and a signal mask applied atomically during the wait; glibc implements select() with it on newer systems. strace shows the remaining time as "left".',
    args: [
      ['nfds', 'One more than the highest fd.'],
      ['readfds', 'Fds to watch for reading.'],
      ['writefds', 'Fds to watch for writing.'],
      ['exceptfds', 'Fds to watch for exceptions.'],
      ['timeout', 'A timespec, or NULL to wait forever.'],
      ['sigmask', 'A {sigset, size} pair: signals to block only while waiting.'],
    ],
    returns: 'The number of ready fds; 0 on timeout.',
    errors: [
      ...WAIT_ERRORS,
      [
        'ERESTARTNOHAND',
        'Interrupted by a signal (strace shows this kernel-internal code; the program sees EINTR if a handler ran).',
      ],
    ],
  },
  poll: {
    summary:
      'Waits until one of a list of fds is ready (POLLIN: data to read, POLLOUT: room to write, POLLHUP: the other side hung up), or a timeout passes. No fd-number limit, unlike select.',
    args: [
      ['fds', 'Array of {fd, events, revents}; the kernel fills revents.'],
      ['nfds', 'Number of entries.'],
      ['timeout', 'Milliseconds; -1 waits forever, 0 returns immediately.'],
    ],
    returns: 'The number of entries with non-zero revents; 0 on timeout (strace prints "Timeout").',
    errors: [...WAIT_ERRORS, ['ENOMEM', "No memory for the kernel's copy of the array."]],
  },
  ppoll: {
    summary: 'poll with a nanosecond timeout and an atomic signal mask.',
    args: [
      ['fds', 'Array of {fd, events, revents}.'],
      ['nfds', 'Number of entries.'],
      ['tmo_p', 'A timespec, or NULL to wait forever.'],
      ['sigmask', 'Signals to block while waiting, or NULL.'],
      ['sigsetsize', 'Size of the signal set (8).'],
    ],
    returns: 'The number of ready entries; 0 on timeout.',
    errors: [...WAIT_ERRORS],
  },
  epoll_create: {
    summary: 'Creates an epoll instance (old form; the size argument is ignored but must be positive).',
    args: [['size', 'Ignored hint, must be > 0.']],
    returns: 'An fd for the new epoll instance.',
    errors: [
      ['EINVAL', 'size <= 0.'],
      ['EMFILE', 'Too many open fds.'],
    ],
  },
  epoll_create1: {
    summary:
      'Creates an epoll instance: a kernel object that remembers a set of fds and reports which are ready, scaling to many thousands of connections. Event loops (libuv/Node, nginx, systemd) create one at start-up.',
    args: [['flags', '0 or EPOLL_CLOEXEC.']],
    returns: 'An fd for the new epoll instance.',
    errors: [
      ['EMFILE', 'Too many open fds.'],
      ['EINVAL', 'Unknown flags.'],
    ],
  },
  epoll_ctl: {
    summary: 'Adds, changes or removes an fd in an epoll interest list.',
    args: [
      EPFD,
      ['op', 'EPOLL_CTL_ADD, EPOLL_CTL_MOD or EPOLL_CTL_DEL.'],
      ['fd', 'The fd to watch.'],
      [
        'event',
        'Which events (EPOLLIN, EPOLLOUT, EPOLLET for edge-triggered...) and a user value returned with them.',
      ],
    ],
    returns: '0 on success.',
    errors: [
      ['EEXIST', 'ADD of an fd that is already registered.'],
      ['ENOENT', 'MOD or DEL of an fd that is not registered.'],
      ['EPERM', 'The fd does not support readiness (a regular file or directory).'],
      ['EBADF', 'epfd or fd is not open.'],
    ],
  },
  epoll_wait: {
    summary:
      'Waits for events on an epoll instance and returns the ready ones; the heart of an event loop, so it often shows as the longest-blocking call.',
    args: [
      EPFD,
      ['events', 'Where to store the ready events.'],
      ['maxevents', 'Capacity of events.'],
      ['timeout', 'Milliseconds; -1 forever, 0 returns at once.'],
    ],
    returns: 'The number of ready events; 0 on timeout.',
    errors: [
      ['EINTR', 'A signal arrived first.'],
      ['EBADF', 'epfd is not open.'],
      ['EINVAL', 'epfd is not an epoll fd or maxevents <= 0.'],
    ],
  },
  epoll_pwait: {
    summary:
      "epoll_wait with an atomic signal mask; glibc's epoll_wait uses it on some architectures (aarch64 has no plain epoll_wait).",
    args: [
      EPFD,
      ['events', 'Where to store the ready events.'],
      ['maxevents', 'Capacity.'],
      ['timeout', 'Milliseconds.'],
      ['sigmask', 'Signals to block while waiting, or NULL.'],
      ['sigsetsize', 'Size of the signal set.'],
    ],
    returns: 'The number of ready events; 0 on timeout.',
    errors: [
      ['EINTR', 'A signal arrived first.'],
      ['EBADF', 'epfd is not open.'],
    ],
  },
  epoll_pwait2: {
    summary: 'epoll_pwait with a nanosecond timespec timeout.',
    args: [
      EPFD,
      ['events', 'Where to store the ready events.'],
      ['maxevents', 'Capacity.'],
      ['timeout', 'A timespec, or NULL to wait forever.'],
      ['sigmask', 'Signals to block while waiting.'],
      ['sigsetsize', 'Size of the signal set.'],
    ],
    returns: 'The number of ready events; 0 on timeout.',
    errors: [
      ['EINTR', 'A signal arrived first.'],
      ['ENOSYS', 'Kernel older than 5.11.'],
    ],
  },
  inotify_init1: {
    summary:
      'Creates an inotify instance: an fd that reports filesystem changes (created, modified, deleted files) for watched paths. File managers, tail -f, and build watchers use it.',
    args: [['flags', 'IN_NONBLOCK, IN_CLOEXEC.']],
    returns: 'The inotify fd.',
    errors: [
      ['EMFILE', 'Too many inotify instances for this user (fs.inotify.max_user_instances) or too many fds.'],
    ],
  },
  inotify_add_watch: {
    summary: 'Starts watching a path with an inotify instance.',
    args: [
      ['fd', 'The inotify fd.'],
      ['pathname', 'The file or directory to watch.'],
      ['mask', 'Events to report: IN_CREATE, IN_MODIFY, IN_DELETE, IN_CLOSE_WRITE, ...'],
    ],
    returns: 'A watch descriptor number.',
    errors: [
      [
        'ENOSPC',
        'The per-user watch limit (fs.inotify.max_user_watches) is reached — a classic error with big editors and file watchers.',
      ],
      ['ENOENT', 'The path does not exist.'],
      ['EACCES', 'No read permission.'],
    ],
  },
  inotify_rm_watch: {
    summary: 'Stops an inotify watch; the instance then reports one IN_IGNORED event for it.',
    args: [
      ['fd', 'The inotify fd.'],
      ['wd', 'The watch descriptor.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'wd is not a valid watch.']],
  },
  io_uring_setup: {
    summary:
      'Creates an io_uring: a pair of ring buffers shared with the kernel, through which a program submits I/O requests and collects completions without a syscall per operation. Often disabled in containers because of its security history.',
    args: [
      ['entries', 'Requested submission queue size.'],
      ['params', 'struct io_uring_params: flags in, ring offsets out.'],
    ],
    returns: "An fd for the ring, to be mmap'd.",
    errors: [
      ['EPERM', 'Disabled by kernel.io_uring_disabled or a seccomp profile.'],
      ['ENOSYS', 'Not built into this kernel.'],
      ['EINVAL', 'Bad entries or flags.'],
      ['ENOMEM', 'Locked-memory limit reached.'],
    ],
  },
  io_uring_enter: {
    summary: 'Tells the kernel new requests are in the submission ring and/or waits for completions.',
    args: [
      ['fd', 'The io_uring fd.'],
      ['to_submit', 'How many new requests.'],
      ['min_complete', 'Wait until this many completions are ready.'],
      ['flags', 'IORING_ENTER_GETEVENTS, _SQ_WAKEUP, ...'],
      ['argp', 'A signal mask or extended argument.'],
      ['argsz', 'Size of argp.'],
    ],
    returns: 'The number of requests consumed.',
    errors: [
      ['EINTR', 'Interrupted while waiting.'],
      ['EBUSY', 'The completion ring is full.'],
      ['EBADF', 'Not an io_uring fd.'],
    ],
  },
  io_uring_register: {
    summary:
      'Registers files, buffers or settings with an io_uring in advance, so requests can refer to them cheaply.',
    args: [
      ['fd', 'The io_uring fd.'],
      ['opcode', 'What to register (IORING_REGISTER_BUFFERS, _FILES, _PROBE, ...).'],
      ['arg', 'The data.'],
      ['nr_args', 'How many items.'],
    ],
    returns: '0 or an opcode-specific value.',
    errors: [
      ['EINVAL', 'Bad opcode or arguments.'],
      ['EBUSY', 'Already registered.'],
      ['ENOMEM', 'Locked-memory limit.'],
    ],
  },
};
