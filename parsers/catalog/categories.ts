import { SYSCALL_ROWS } from './syscall-table.js';
import type { SyscallCategory } from './types.js';

/** Every category, in the order a legend should list them. */
export const SYSCALL_CATEGORIES: readonly SyscallCategory[] = [
  'process',
  'memory',
  'file',
  'network',
  'ipc',
  'signal',
  'containment',
  'time',
  'system',
  'other',
];

/**
 * Which family each syscall belongs to. A call sits in the family a teacher would file it under when
 * reading a timeline: setuid is 'containment' (privilege), not 'process'; pipe is 'ipc', not 'file'.
 */
const MEMBERS: Readonly<Record<Exclude<SyscallCategory, 'other'>, string>> = {
  process: `clone clone3 fork vfork execve execveat exit exit_group wait4 waitid getpid getppid gettid getpgrp
    getpgid setpgid getsid setsid set_tid_address set_robust_list get_robust_list rseq arch_prctl prctl
    personality getpriority setpriority sched_yield sched_setparam sched_getparam sched_setscheduler
    sched_getscheduler sched_get_priority_max sched_get_priority_min sched_rr_get_interval sched_setaffinity
    sched_getaffinity sched_setattr sched_getattr getcpu getrlimit setrlimit prlimit64 getrusage times
    getuid geteuid getgid getegid getgroups getresuid getresgid ptrace process_vm_readv process_vm_writev
    kcmp pidfd_open pidfd_getfd ioprio_set ioprio_get set_thread_area get_thread_area modify_ldt
    restart_syscall futex futex_waitv futex_wake futex_wait futex_requeue membarrier uretprobe uprobe
    map_shadow_stack`,
  memory: `brk mmap munmap mprotect mremap msync mincore madvise mlock munlock mlockall munlockall mlock2
    remap_file_pages mbind set_mempolicy get_mempolicy migrate_pages move_pages userfaultfd pkey_mprotect
    pkey_alloc pkey_free process_madvise process_mrelease set_mempolicy_home_node memfd_secret mseal
    cachestat`,
  file: `read write open openat openat2 creat close close_range stat fstat lstat newfstatat statx statfs
    fstatfs ustat lseek pread64 pwrite64 readv writev preadv pwritev preadv2 pwritev2 access faccessat
    faccessat2 dup dup2 dup3 fcntl flock fsync fdatasync syncfs sync sync_file_range truncate ftruncate
    fallocate fadvise64 readahead getdents getdents64 getcwd chdir fchdir rename renameat renameat2 mkdir
    mkdirat rmdir link linkat unlink unlinkat symlink symlinkat readlink readlinkat chmod fchmod fchmodat
    fchmodat2 chown fchown lchown fchownat umask utime utimes futimesat utimensat mknod mknodat ioctl
    sendfile splice tee vmsplice copy_file_range setxattr lsetxattr fsetxattr getxattr lgetxattr fgetxattr
    listxattr llistxattr flistxattr removexattr lremovexattr fremovexattr setxattrat getxattrat listxattrat
    removexattrat name_to_handle_at open_by_handle_at inotify_init inotify_init1 inotify_add_watch
    inotify_rm_watch fanotify_init fanotify_mark io_setup io_destroy io_getevents io_submit io_cancel
    io_pgetevents io_uring_setup io_uring_enter io_uring_register file_getattr file_setattr select pselect6
    poll ppoll epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait epoll_pwait2 epoll_ctl_old
    epoll_wait_old sysfs`,
  network: `socket socketpair connect accept accept4 bind listen sendto recvfrom sendmsg recvmsg sendmmsg
    recvmmsg shutdown getsockname getpeername setsockopt getsockopt sethostname setdomainname`,
  ipc: `pipe pipe2 shmget shmat shmdt shmctl semget semop semtimedop semctl msgget msgsnd msgrcv msgctl
    mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify mq_getsetattr eventfd eventfd2 memfd_create
    add_key request_key keyctl`,
  signal: `rt_sigaction rt_sigprocmask rt_sigreturn rt_sigpending rt_sigtimedwait rt_sigqueueinfo
    rt_tgsigqueueinfo rt_sigsuspend sigaltstack kill tkill tgkill pause signalfd signalfd4 pidfd_send_signal`,
  containment: `chroot pivot_root unshare setns mount umount2 open_tree open_tree_attr move_mount fsopen
    fsconfig fsmount fspick mount_setattr statmount listmount seccomp capget capset setuid setgid setreuid
    setregid setresuid setresgid setfsuid setfsgid setgroups landlock_create_ruleset landlock_add_rule
    landlock_restrict_self lsm_get_self_attr lsm_set_self_attr lsm_list_modules bpf`,
  time: `time gettimeofday settimeofday clock_gettime clock_settime clock_getres clock_nanosleep
    clock_adjtime adjtimex nanosleep alarm getitimer setitimer timer_create timer_settime timer_gettime
    timer_getoverrun timer_delete timerfd_create timerfd_settime timerfd_gettime`,
  system: `uname sysinfo syslog getrandom reboot kexec_load kexec_file_load init_module finit_module
    delete_module swapon swapoff acct quotactl quotactl_fd iopl ioperm vhangup perf_event_open _sysctl
    uselib lookup_dcookie`,
};

const CATEGORY_BY_NAME: ReadonlyMap<string, SyscallCategory> = new Map(
  Object.entries(MEMBERS).flatMap(([category, names]) =>
    names
      .split(/\s+/)
      .filter(Boolean)
      .map((name) => [name, category as SyscallCategory] as const),
  ),
);

let nameByX86Number: Map<number, string> | null = null;

/**
 * The family of a syscall name; 'other' for names the catalogue does not place (or does not know).
 * strace's numbered names for calls it cannot name (`syscall_0x1c4`, or bpftrace's `syscall_452`) get the
 * family of the x86_64 syscall with that number.
 */
export function syscallCategory(name: string): SyscallCategory {
  const direct = CATEGORY_BY_NAME.get(name);
  if (direct !== undefined || !name.startsWith('syscall_')) return direct ?? 'other';
  nameByX86Number ??= new Map(SYSCALL_ROWS.filter((row) => row[1] !== null).map((row) => [row[1]!, row[0]]));
  const number = Number(name.slice('syscall_'.length));
  return CATEGORY_BY_NAME.get(nameByX86Number.get(number) ?? '') ?? 'other';
}

/** Every name that has a category other than 'other' (for tests). */
function categorisedNames(): string[] {
  return [...CATEGORY_BY_NAME.keys()];
}
