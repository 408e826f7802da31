/**
 * Kernel-internal error codes (the kernel's private include/linux/errno.h, values 512 and up). A program
 * should never receive them, but strace sees the raw return value before the kernel translates it, so they
 * appear in traces, mostly the ERESTART* family around signals:
 *   clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}, {...}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)
 * and a few others through `-e inject` (ERECALLCONFLICT shows as "Unknown error 530").
 * Tuple: [name, number, message as strace prints it, explanation].
 */
export const INTERNAL_ERRNO_ROWS: ReadonlyArray<readonly [string, number, string, string]> = [
  [
    'ERESTARTSYS',
    512,
    'To be restarted if SA_RESTART is set',
    'A signal arrived while the call was blocked. If the signal handler was installed with SA_RESTART (or there is no handler and the signal is ignored or stops the process), the kernel transparently re-runs the call afterwards; otherwise the program sees EINTR. In strace this line (with "= ?") is followed by the signal, and often by the same call again.',
  ],
  [
    'ERESTARTNOINTR',
    513,
    'To be restarted',
    'A signal interrupted the call and the kernel will always restart it after the handler runs, regardless of SA_RESTART; the program never sees an error. Typical for fork/clone interrupted by a signal.',
  ],
  [
    'ERESTARTNOHAND',
    514,
    'To be restarted if no handler',
    'A signal interrupted the call. If no handler runs (the signal was ignored or only stopped the process) the call is restarted; if a handler runs, the program sees EINTR. Typical for pause, select, poll and sigsuspend-like waits.',
  ],
  [
    'ENOIOCTLCMD',
    515,
    'Unknown error 515',
    'Internal: "no such ioctl command" inside a driver; the kernel turns it into ENOTTY or EINVAL before returning.',
  ],
  [
    'ERESTART_RESTARTBLOCK',
    516,
    'Interrupted by signal',
    'A signal interrupted a sleep with a timeout (nanosleep, clock_nanosleep, poll with a timeout, futex wait). The kernel saves how much time is left; if the call is resumed without a handler running (for example after SIGSTOP/SIGCONT) it continues through restart_syscall() with the remaining time; if a handler runs, the program sees EINTR.',
  ],
  [
    'EPROBE_DEFER',
    517,
    'Unknown error 517',
    'Internal: a device driver asked to be probed again later because something it depends on is not ready yet.',
  ],
  [
    'EOPENSTALE',
    518,
    'Unknown error 518',
    'Internal: an open raced with a stale NFS file handle; the kernel retries the lookup.',
  ],
  [
    'ENOPARAM',
    519,
    'Unknown error 519',
    'Internal: a filesystem mount parameter is not recognised (new mount API); reported as EINVAL.',
  ],
  ['EBADHANDLE', 521, 'Unknown error 521', 'Internal (NFS): an illegal file handle.'],
  ['ENOTSYNC', 522, 'Unknown error 522', 'Internal (NFS): update synchronisation mismatch.'],
  ['EBADCOOKIE', 523, 'Unknown error 523', 'Internal (NFS): a stale directory-reading cookie.'],
  [
    'ENOTSUPP',
    524,
    'Unknown error 524',
    'Internal: "operation not supported", the NFS-era sibling of EOPNOTSUPP. It is a kernel bug when it leaks to user space, but a few drivers do leak it, so strace can show it.',
  ],
  ['ETOOSMALL', 525, 'Unknown error 525', 'Internal: a buffer or value is too small (NFS, some drivers).'],
  [
    'ESERVERFAULT',
    526,
    'Unknown error 526',
    'Internal (NFS): the server failed in a way the protocol cannot express.',
  ],
  ['EBADTYPE', 527, 'Unknown error 527', 'Internal (NFS): an object type the server does not support.'],
  [
    'EJUKEBOX',
    528,
    'Unknown error 528',
    'Internal (NFS): the request is delayed (the server is fetching data from slow storage); retry later.',
  ],
  [
    'EIOCBQUEUED',
    529,
    'Unknown error 529',
    'Internal (AIO): the I/O was queued and will complete asynchronously.',
  ],
  [
    'ERECALLCONFLICT',
    530,
    'Unknown error 530',
    'Internal (NFSv4): a delegation recall conflicts with this request. Programs never get it from a real call; in strace it shows up when injected with -e inject=...:error=ERECALLCONFLICT, printed as "Unknown error 530".',
  ],
  [
    'ENOGRACE',
    531,
    'Unknown error 531',
    "Internal (NFS): the server's grace period for reclaiming locks is over.",
  ],
];
