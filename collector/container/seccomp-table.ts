/**
 * Docker's default seccomp profile as a table: which calls a container may make, read from moby's
 * profiles/seccomp/default.json and regrouped by what the calls do. Anything not allowed here fails with
 * EPERM (errno 1) before the kernel runs it: `unshare(CLONE_NEWNS) = -1 EPERM` in a container is the
 * filter, not a missing capability. seccomp-profile.ts turns the table into the OCI config's section for
 * the capabilities and machine of one container.
 */

/** A condition on one argument, as libseccomp compares it. MASKED_EQ: (arg & value) == valueTwo. */
export interface SeccompArg {
  index: number;
  value: number;
  valueTwo?: number;
  op: 'SCMP_CMP_EQ' | 'SCMP_CMP_NE' | 'SCMP_CMP_MASKED_EQ';
}

export interface SeccompRule {
  names: readonly string[];
  /** 'allow', or the errno the call fails with. */
  action: 'allow' | { errno: number };
  /** The call is allowed only when an argument matches (several rules for one name: any may match). */
  args?: readonly SeccompArg[];
  /** The rule applies only when the container holds this capability... */
  ifCapability?: string;
  /** ...or only when it lacks it. */
  unlessCapability?: string;
  /** The rule applies only on these machines (`uname -m`). */
  machines?: readonly string[];
}

/** The errno the whole profile answers with for a call it does not list. */
export const SECCOMP_DEFAULT_ERRNO = 1; // EPERM

/** Every namespace flag of clone(): CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
const CLONE_NAMESPACE_FLAGS = 0x7e020000;

// prettier-ignore
const FILES = [
  'access', 'chdir', 'chmod', 'chown', 'chown32', 'close', 'close_range', 'copy_file_range', 'creat',
  'dup', 'dup2', 'dup3', 'faccessat', 'faccessat2', 'fadvise64', 'fadvise64_64', 'fallocate', 'fchdir',
  'fchmod', 'fchmodat', 'fchown', 'fchown32', 'fchownat', 'fcntl', 'fcntl64', 'fdatasync', 'flock',
  'fstat', 'fstat64', 'fstatat64', 'fstatfs', 'fstatfs64', 'fsync', 'ftruncate', 'ftruncate64',
  'futimesat', 'getcwd', 'getdents', 'getdents64', 'lchown', 'lchown32', 'link', 'linkat', '_llseek',
  'lseek', 'lstat', 'lstat64', 'mkdir', 'mkdirat', 'mknod', 'mknodat', 'name_to_handle_at',
  'newfstatat', 'open', 'openat', 'openat2', 'pread64', 'preadv', 'preadv2', 'pwrite64', 'pwritev',
  'pwritev2', 'read', 'readahead', 'readlink', 'readlinkat', 'readv', 'rename', 'renameat', 'renameat2',
  'rmdir', 'sendfile', 'sendfile64', 'splice', 'stat', 'stat64', 'statfs', 'statfs64', 'statx',
  'symlink', 'symlinkat', 'sync', 'sync_file_range', 'syncfs', 'tee', 'truncate', 'truncate64', 'umask',
  'unlink', 'unlinkat', 'utime', 'utimensat', 'utimensat_time64', 'utimes', 'vmsplice', 'write', 'writev',
];
// prettier-ignore
const XATTRS = [
  'fgetxattr', 'flistxattr', 'fremovexattr', 'fsetxattr', 'getxattr', 'lgetxattr', 'listxattr',
  'llistxattr', 'lremovexattr', 'lsetxattr', 'removexattr', 'setxattr',
];
// prettier-ignore
const MEMORY = [
  'brk', 'madvise', 'membarrier', 'memfd_create', 'memfd_secret', 'mincore', 'mlock', 'mlock2',
  'mlockall', 'mmap', 'mmap2', 'mprotect', 'mremap', 'msync', 'munlock', 'munlockall', 'munmap',
  'pkey_alloc', 'pkey_free', 'pkey_mprotect', 'remap_file_pages',
];
// prettier-ignore
const PROCESSES = [
  'capget', 'capset', 'execve', 'execveat', 'exit', 'exit_group', 'fork', 'getegid', 'getegid32',
  'geteuid', 'geteuid32', 'getgid', 'getgid32', 'getgroups', 'getgroups32', 'getpgid', 'getpgrp',
  'getpid', 'getppid', 'getpriority', 'getresgid', 'getresgid32', 'getresuid', 'getresuid32',
  'getrlimit', 'get_robust_list', 'getrusage', 'getsid', 'get_thread_area', 'gettid', 'getuid',
  'getuid32', 'ioprio_get', 'ioprio_set', 'kill', 'pidfd_open', 'pidfd_send_signal', 'prctl',
  'prlimit64', 'process_mrelease', 'restart_syscall', 'rseq', 'sched_getaffinity', 'sched_getattr',
  'sched_getparam', 'sched_get_priority_max', 'sched_get_priority_min', 'sched_getscheduler',
  'sched_rr_get_interval', 'sched_rr_get_interval_time64', 'sched_setaffinity', 'sched_setattr',
  'sched_setparam', 'sched_setscheduler', 'sched_yield', 'seccomp', 'setfsgid', 'setfsgid32',
  'setfsuid', 'setfsuid32', 'setgid', 'setgid32', 'setgroups', 'setgroups32', 'setpgid', 'setpriority',
  'setregid', 'setregid32', 'setresgid', 'setresgid32', 'setresuid', 'setresuid32', 'setreuid',
  'setreuid32', 'setrlimit', 'set_robust_list', 'setsid', 'set_thread_area', 'set_tid_address',
  'setuid', 'setuid32', 'tgkill', 'tkill', 'ugetrlimit', 'vfork', 'wait4', 'waitid', 'waitpid',
];
// prettier-ignore
const SIGNALS = [
  'alarm', 'getitimer', 'pause', 'rt_sigaction', 'rt_sigpending', 'rt_sigprocmask', 'rt_sigqueueinfo',
  'rt_sigreturn', 'rt_sigsuspend', 'rt_sigtimedwait', 'rt_sigtimedwait_time64', 'rt_tgsigqueueinfo',
  'setitimer', 'sigaltstack', 'signalfd', 'signalfd4', 'sigprocmask', 'sigreturn',
];
// prettier-ignore
const TIME = [
  'adjtimex', 'clock_adjtime', 'clock_adjtime64', 'clock_getres', 'clock_getres_time64',
  'clock_gettime', 'clock_gettime64', 'clock_nanosleep', 'clock_nanosleep_time64', 'gettimeofday',
  'nanosleep', 'time', 'timer_create', 'timer_delete', 'timer_getoverrun', 'timer_gettime',
  'timer_gettime64', 'timer_settime', 'timer_settime64', 'timerfd_create', 'timerfd_gettime',
  'timerfd_gettime64', 'timerfd_settime', 'timerfd_settime64', 'times',
];
// prettier-ignore
const WAITING = [
  'epoll_create', 'epoll_create1', 'epoll_ctl', 'epoll_ctl_old', 'epoll_pwait', 'epoll_pwait2',
  'epoll_wait', 'epoll_wait_old', 'eventfd', 'eventfd2', 'futex', 'futex_time64', 'futex_waitv',
  'inotify_add_watch', 'inotify_init', 'inotify_init1', 'inotify_rm_watch', 'fanotify_mark',
  '_newselect', 'pipe', 'pipe2', 'poll', 'ppoll', 'ppoll_time64', 'pselect6', 'pselect6_time64',
  'select',
];
// prettier-ignore
const ASYNC_IO = [
  'io_cancel', 'io_destroy', 'io_getevents', 'io_pgetevents', 'io_pgetevents_time64', 'io_setup',
  'io_submit', 'io_uring_enter', 'io_uring_register', 'io_uring_setup',
];
// prettier-ignore
const SOCKETS = [
  'accept', 'accept4', 'bind', 'connect', 'getpeername', 'getsockname', 'getsockopt', 'listen', 'recv',
  'recvfrom', 'recvmmsg', 'recvmmsg_time64', 'recvmsg', 'send', 'sendmmsg', 'sendmsg', 'sendto',
  'setsockopt', 'shutdown', 'socketcall', 'socketpair',
];
// prettier-ignore
const SYSV_IPC = [
  'ipc', 'mq_getsetattr', 'mq_notify', 'mq_open', 'mq_timedreceive', 'mq_timedreceive_time64',
  'mq_timedsend', 'mq_timedsend_time64', 'mq_unlink', 'msgctl', 'msgget', 'msgrcv', 'msgsnd', 'semctl',
  'semget', 'semop', 'semtimedop', 'semtimedop_time64', 'shmat', 'shmctl', 'shmdt', 'shmget',
];
// prettier-ignore
const MISC = [
  'getcpu', 'getrandom', 'ioctl', 'landlock_add_rule', 'landlock_create_ruleset',
  'landlock_restrict_self', 'sysinfo', 'uname',
];

/** The personality() values a container may set: Linux, UNAME26, ADDR_NO_RANDOMIZE, both, and the query. */
const PERSONALITIES = [0x0, 0x8, 0x20000, 0x20008, 0xffffffff];

export const SECCOMP_RULES: readonly SeccompRule[] = [
  {
    names: [
      ...FILES,
      ...XATTRS,
      ...MEMORY,
      ...PROCESSES,
      ...SIGNALS,
      ...TIME,
      ...WAITING,
      ...ASYNC_IO,
      ...SOCKETS,
      ...SYSV_IPC,
      ...MISC,
    ],
    action: 'allow',
  },
  // Since Linux 4.8 seccomp runs after ptrace, so ptrace can no longer be used to dodge the filter.
  { names: ['process_vm_readv', 'process_vm_writev', 'ptrace'], action: 'allow' },
  // Any socket family but AF_VSOCK (40), which reaches the hypervisor.
  { names: ['socket'], action: 'allow', args: [{ index: 0, value: 40, op: 'SCMP_CMP_NE' }] },
  ...PERSONALITIES.map((value): SeccompRule => ({
    names: ['personality'],
    action: 'allow',
    args: [{ index: 0, value, op: 'SCMP_CMP_EQ' }],
  })),
  { names: ['arch_prctl'], action: 'allow', machines: ['x86_64'] },
  { names: ['modify_ldt'], action: 'allow', machines: ['x86_64', 'i686'] },
  {
    names: [
      'arm_fadvise64_64',
      'arm_sync_file_range',
      'sync_file_range2',
      'breakpoint',
      'cacheflush',
      'set_tls',
    ],
    action: 'allow',
    machines: ['aarch64', 'armv7l'],
  },
  // What a capability unlocks: the filter follows the capability set, so --cap-add would widen it.
  { names: ['open_by_handle_at'], action: 'allow', ifCapability: 'CAP_DAC_READ_SEARCH' },
  {
    names: [
      'bpf',
      'clone',
      'clone3',
      'fanotify_init',
      'fsconfig',
      'fsmount',
      'fsopen',
      'fspick',
      'lookup_dcookie',
      'mount',
      'mount_setattr',
      'move_mount',
      'open_tree',
      'perf_event_open',
      'quotactl',
      'quotactl_fd',
      'setdomainname',
      'sethostname',
      'setns',
      'syslog',
      'umount',
      'umount2',
      'unshare',
    ],
    action: 'allow',
    ifCapability: 'CAP_SYS_ADMIN',
  },
  // Without CAP_SYS_ADMIN, clone() may create processes and threads but no namespace...
  {
    names: ['clone'],
    action: 'allow',
    args: [{ index: 0, value: CLONE_NAMESPACE_FLAGS, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' }],
    unlessCapability: 'CAP_SYS_ADMIN',
  },
  // ...and clone3(), whose flags sit in a struct the filter cannot read, says it does not exist
  // (ENOSYS = 38), so that glibc falls back to clone().
  { names: ['clone3'], action: { errno: 38 }, unlessCapability: 'CAP_SYS_ADMIN' },
  { names: ['reboot'], action: 'allow', ifCapability: 'CAP_SYS_BOOT' },
  { names: ['chroot'], action: 'allow', ifCapability: 'CAP_SYS_CHROOT' },
  {
    names: ['delete_module', 'init_module', 'finit_module'],
    action: 'allow',
    ifCapability: 'CAP_SYS_MODULE',
  },
  { names: ['acct'], action: 'allow', ifCapability: 'CAP_SYS_PACCT' },
  {
    names: ['kcmp', 'pidfd_getfd', 'process_madvise', 'process_vm_readv', 'process_vm_writev', 'ptrace'],
    action: 'allow',
    ifCapability: 'CAP_SYS_PTRACE',
  },
  { names: ['iopl', 'ioperm'], action: 'allow', ifCapability: 'CAP_SYS_RAWIO' },
  {
    names: ['settimeofday', 'stime', 'clock_settime', 'clock_settime64'],
    action: 'allow',
    ifCapability: 'CAP_SYS_TIME',
  },
  { names: ['vhangup'], action: 'allow', ifCapability: 'CAP_SYS_TTY_CONFIG' },
  {
    names: ['get_mempolicy', 'mbind', 'set_mempolicy', 'set_mempolicy_home_node'],
    action: 'allow',
    ifCapability: 'CAP_SYS_NICE',
  },
  { names: ['syslog'], action: 'allow', ifCapability: 'CAP_SYSLOG' },
  { names: ['bpf'], action: 'allow', ifCapability: 'CAP_BPF' },
  { names: ['perf_event_open'], action: 'allow', ifCapability: 'CAP_PERFMON' },
];
