import type { SyscallExplanation } from './types.js';

/** Creating, running, waiting for and ending processes and threads; futexes and process-to-process access. */
export const PROCESS_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  execve: {
    summary:
      'Replaces the program running in this process with a new one. The pid stays the same, open fds without close-on-exec stay open, but the memory, code and signal handlers are thrown away and the new program starts from its entry point. For a dynamically linked ELF file the kernel actually starts the ELF interpreter (the dynamic loader, e.g. /lib64/ld-linux-x86-64.so.2) named inside the binary, and the loader then maps libc and the other libraries — that is the burst of openat/mmap/mprotect that follows every execve.',
    args: [
      [
        'pathname',
        'The file to run. No PATH search happens in the kernel: shells and execvp try each PATH directory in turn, which is why traces show a chain of failed execve calls before the one that works.',
      ],
      ['argv', 'The argument list, argv[0] being the name the program sees for itself.'],
      [
        'envp',
        'The complete environment for the new program (strace shows "/* N vars */"). `env -i` passes an empty one.',
      ],
    ],
    returns:
      'Nothing on success — the call never returns, the new program is running (strace prints "= 0"). On failure the old program continues and gets -1.',
    errors: [
      [
        'ENOENT',
        'The file does not exist — or it exists but its interpreter does not: the dynamic loader named in the ELF header (or the #! interpreter of a script) is missing. This is the misleading "No such file or directory" of a chroot that lacks /lib64/ld-linux-x86-64.so.2; `ldd` lists what must be copied in.',
      ],
      [
        'EACCES',
        'No execute permission on the file, a directory on the path is not searchable, the file is not a regular file, or the filesystem is mounted noexec.',
      ],
      [
        'ENOEXEC',
        'The file is not a format the kernel can run (not ELF, wrong architecture, a script without #!).',
      ],
      [
        'E2BIG',
        'The argument and environment strings are too large together (about a quarter of the stack limit), or one string is longer than 128 KiB.',
      ],
      ['ETXTBSY', 'The file is open for writing by some process.'],
      [
        'ELIBBAD',
        'The ELF interpreter the program names exists but is not an ELF file for this machine (a text file, a loader for another architecture).',
      ],
      [
        'EIO',
        'The ELF interpreter is shorter than an ELF header (an empty or truncated copy of the loader), or the disk failed while reading.',
      ],
      ['EPERM', 'Blocked by policy: a seccomp filter or an LSM (SELinux, AppArmor) refusing the exec.'],
      ['ENOTDIR', 'A component of the path is not a directory.'],
      [
        'ELOOP',
        'Too many symlinks while resolving the path, or #! scripts whose interpreter is a script nested more than 5 deep.',
      ],
    ],
    notes:
      'In a multi-threaded process, execve kills the other threads; strace shows "+++ superseded by execve +++" and the caller takes over the leader\'s pid.',
  },
  execveat: {
    summary:
      'Like execve, but the program is named relative to a directory fd, or given directly as an open fd (with AT_EMPTY_PATH) — fexecve() uses this, and so do container runtimes that open a binary before switching root.',
    args: [
      [
        'dirfd',
        'Directory the pathname is relative to, or AT_FDCWD; with AT_EMPTY_PATH, the fd of the program itself.',
      ],
      ['pathname', 'The program path, or "" with AT_EMPTY_PATH.'],
      ['argv', 'The argument list.'],
      ['envp', 'The environment.'],
      ['flags', 'AT_EMPTY_PATH and/or AT_SYMLINK_NOFOLLOW.'],
    ],
    returns: 'Does not return on success; -1 on failure.',
    errors: [
      ['ENOENT', 'The program or its ELF interpreter is missing (as for execve).'],
      ['EACCES', 'No execute permission, or a noexec mount.'],
      ['EBADF', 'dirfd is not a valid fd.'],
      ['ELOOP', 'AT_SYMLINK_NOFOLLOW was given and the path is a symlink.'],
    ],
  },
  clone: {
    summary:
      'Creates a new process or thread. The flags decide what the child shares with the parent: CLONE_VM|CLONE_THREAD|CLONE_SIGHAND... makes a thread (pthread_create), plain SIGCHLD makes a fork-like child, and CLONE_NEW* flags put the child in new namespaces (that is how unshare -f and container runtimes start a process in fresh namespaces).',
    args: [
      [
        'flags',
        'What to share or create: CLONE_VM, CLONE_FILES, CLONE_THREAD, CLONE_NEWNS/NEWPID/NEWNET/NEWUTS/NEWUSER..., plus the signal sent to the parent when the child exits (usually SIGCHLD). strace shows it as flags=.',
      ],
      [
        'stack',
        'The child\'s stack pointer (child_stack=); NULL means "same stack as the parent", which is what fork-like clones use.',
      ],
      ['parent_tid', "Where to store the child's thread id in the parent's memory (CLONE_PARENT_SETTID)."],
      [
        'child_tid',
        "Where to store (CLONE_CHILD_SETTID) or clear-and-wake at exit (CLONE_CHILD_CLEARTID) the child's tid; pthread_join waits on it.",
      ],
      ['tls', 'The thread-local storage pointer for the new thread (CLONE_SETTLS).'],
    ],
    returns:
      "In the parent: the new child's pid/tid. In the child: 0. Under strace -f, the child's own lines often appear before the parent's clone returns.",
    errors: [
      [
        'EAGAIN',
        'Too many processes: RLIMIT_NPROC or the pids cgroup limit (pids.max) was reached — a cgroup "pinning" the number of tasks shows up exactly like this.',
      ],
      [
        'EPERM',
        'A CLONE_NEW* flag needs CAP_SYS_ADMIN (except a new user namespace), or user namespaces are disabled.',
      ],
      [
        'EINVAL',
        'An impossible flag combination, e.g. CLONE_THREAD without CLONE_SIGHAND, or CLONE_NEWPID with CLONE_THREAD.',
      ],
      ['ENOMEM', 'Not enough memory for the new task.'],
      [
        'ENOSPC',
        'The limit on a namespace type is reached (/proc/sys/user/max_*_namespaces, counted per user namespace), or user namespaces would nest more than 32 deep.',
      ],
      ['ERESTARTNOINTR', 'A signal arrived during the clone; the kernel restarts it transparently.'],
    ],
  },
  clone3: {
    summary:
      'The modern clone: takes a struct clone_args instead of five packed arguments, so it can express more (a cgroup to start in, a pidfd, a set_tid). glibc 2.34+ uses it for pthread_create and posix_spawn, and falls back to clone if the kernel answers ENOSYS.',
    args: [
      [
        'cl_args',
        'struct clone_args: flags, pidfd, child_tid, parent_tid, exit_signal, stack and stack_size, tls, set_tid, cgroup.',
      ],
      [
        'size',
        'sizeof(struct clone_args) the caller was compiled with (88 on current systems); lets old and new binaries work with any kernel.',
      ],
    ],
    returns: "The child's pid/tid in the parent, 0 in the child.",
    errors: [
      [
        'ENOSYS',
        'Kernel older than 5.3, or a seccomp profile (common in older Docker) that blocks clone3 so glibc falls back to clone.',
      ],
      ['EAGAIN', 'Process limit reached (RLIMIT_NPROC or pids.max of the cgroup).'],
      ['EPERM', 'Creating the requested namespaces needs privilege.'],
      [
        'EINVAL',
        'Bad flags (e.g. CLONE_THREAD without CLONE_SIGHAND) or a size smaller than the first struct clone_args (64).',
      ],
      ['E2BIG', 'size is larger than a page, or larger than the kernel knows with the extra bytes not zero.'],
    ],
  },
  fork: {
    summary:
      'Creates a child that is a copy of the caller (copy-on-write memory, duplicated fds). Modern glibc implements fork() with clone(SIGCHLD) instead, so the fork syscall itself is rare in traces.',
    args: [],
    returns: "The child's pid in the parent, 0 in the child.",
    errors: [
      ['EAGAIN', 'Process limit reached (RLIMIT_NPROC or the cgroup pids.max).'],
      ['ENOMEM', 'Not enough memory to copy the process.'],
    ],
  },
  vfork: {
    summary:
      "Creates a child that borrows the parent's memory and suspends the parent until the child calls execve or exits. Shells and posix_spawn use it because it is cheaper than fork when the child will exec straight away.",
    args: [],
    returns:
      "The child's pid in the parent (returned only after the child has exec'd or exited), 0 in the child.",
    errors: [
      ['EAGAIN', 'Process limit reached.'],
      ['ENOMEM', 'Not enough memory for a new task.'],
    ],
    notes:
      "In a trace the vfork line is often split: `vfork( <unfinished ...>`, then the child's execve chain, then `<... vfork resumed>) = PID`.",
  },
  exit: {
    summary:
      'Ends the calling thread only (not the whole process). pthread_exit and the end of a thread function use it; the last thread exiting ends the process.',
    args: [['status', 'The exit code, meaningful for the last thread only.']],
    returns: 'Never returns (strace prints "= ?").',
    errors: [],
  },
  exit_group: {
    summary:
      'Ends the whole process: every thread stops, fds are closed, memory is released, and the parent is sent SIGCHLD with the exit status. This is what exit() and returning from main() call at the very end.',
    args: [
      ['status', 'The exit code (0..255 as the parent sees it). strace then prints "+++ exited with N +++".'],
    ],
    returns: 'Never returns (strace prints "= ?").',
    errors: [],
  },
  wait4: {
    summary:
      'Waits for a child process to change state (usually to exit) and collects its exit status, which lets the kernel free the zombie. Shells call it after each command; `make` and init systems call it all the time.',
    args: [
      [
        'pid',
        "-1 for any child, a pid for that child, 0 for any child in the caller's process group, < -1 for any child in that group.",
      ],
      [
        'wstatus',
        'Where the status goes; strace decodes it, e.g. [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] or a WIFSIGNALED/WTERMSIG for a killed child.',
      ],
      ['options', 'WNOHANG (do not block), WUNTRACED/WCONTINUED (also report stops and continues), __WALL.'],
      ['rusage', "Optional: where to store the child's resource usage (CPU time etc.)."],
    ],
    returns: 'The pid of the child whose state changed; 0 with WNOHANG if none has yet.',
    errors: [
      [
        'ECHILD',
        'No children (left) to wait for, or none matching pid — shells see this at the end of a reaping loop.',
      ],
      ['EINTR', 'A signal (often SIGCHLD itself) interrupted the wait.'],
      ['EINVAL', 'Unknown options.'],
    ],
  },
  waitid: {
    summary:
      'A more precise wait: chooses children by pid, process group or pidfd and returns a siginfo describing the change. Used by newer code (e.g. systemd, Python with pidfds).',
    args: [
      ['idtype', 'P_PID, P_PGID, P_ALL or P_PIDFD.'],
      ['id', 'The pid, group id or pidfd, per idtype.'],
      [
        'infop',
        'Where to store a siginfo_t describing the child (si_pid, si_status, si_code = CLD_EXITED/CLD_KILLED...).',
      ],
      ['options', 'Which changes to wait for: WEXITED, WSTOPPED, WCONTINUED, plus WNOHANG, WNOWAIT.'],
      ['rusage', 'Optional resource-usage output.'],
    ],
    returns: '0 on success (the details are in infop).',
    errors: [
      ['ECHILD', 'No matching children.'],
      ['EINTR', 'Interrupted by a signal.'],
      ['EINVAL', 'Bad idtype or options.'],
    ],
  },
  ptrace: {
    summary:
      "Lets one process observe and control another: read its memory and registers, stop it at each syscall, inject signals. strace and gdb are built on it — strace's own ptrace calls are not shown in its trace of the tracee.",
    args: [
      [
        'request',
        'What to do: PTRACE_TRACEME, PTRACE_ATTACH/SEIZE, PTRACE_SYSCALL, PTRACE_GETREGS, PTRACE_PEEKDATA, ...',
      ],
      ['pid', 'The tracee.'],
      ['addr', 'An address in the tracee, depending on request.'],
      ['data', 'A value or buffer, depending on request.'],
    ],
    returns: '0, or the data read for PEEK requests.',
    errors: [
      [
        'EPERM',
        "Not allowed to trace this process: another user's process, a set-user-ID program, Yama ptrace_scope, missing CAP_SYS_PTRACE, or it is already traced (strace inside strace).",
      ],
      ['ESRCH', 'The process does not exist, is not traced by the caller, or is not stopped.'],
      ['EIO', "Bad address or request for the tracee's state."],
    ],
  },
  kcmp: {
    summary:
      'Checks whether two processes share a kernel resource (the same open file, memory map, fd table...). Checkpoint/restore tools use it.',
    args: [
      ['pid1', 'First process.'],
      ['pid2', 'Second process.'],
      ['type', 'KCMP_FILE, KCMP_VM, KCMP_FILES, KCMP_FS, ...'],
      ['idx1', 'For KCMP_FILE: the fd in pid1.'],
      ['idx2', 'For KCMP_FILE: the fd in pid2.'],
    ],
    returns: '0 if equal, 1/2 for an ordering, 3 if different but not orderable.',
    errors: [
      ['EPERM', 'Not allowed to inspect one of the processes (ptrace rules).'],
      ['ESRCH', 'No such process.'],
      ['EBADF', 'No such fd.'],
    ],
  },
  process_vm_readv: {
    summary:
      'Copies memory directly out of another process into the caller, without ptrace stops. Debuggers and profilers use it.',
    args: [
      ['pid', 'The process to read from.'],
      ['local_iov', 'Buffers in the caller to fill.'],
      ['liovcnt', 'How many local buffers.'],
      ['remote_iov', 'Address ranges in the other process.'],
      ['riovcnt', 'How many remote ranges.'],
      ['flags', 'Must be 0.'],
    ],
    returns: 'The number of bytes copied.',
    errors: [
      ['EPERM', 'Not allowed to access that process (same rules as ptrace).'],
      ['ESRCH', 'No such process.'],
      ['EFAULT', 'A range is not mapped in either process.'],
    ],
  },
  pidfd_open: {
    summary:
      'Returns a file descriptor that refers to a process. Unlike a pid number it cannot be recycled, so it can be polled for exit, passed to waitid(P_PIDFD), pidfd_send_signal or setns safely.',
    args: [
      ['pid', 'The process.'],
      ['flags', '0 or PIDFD_NONBLOCK (PIDFD_THREAD on newer kernels).'],
    ],
    returns: 'A new fd.',
    errors: [
      ['ESRCH', 'No such process.'],
      ['EINVAL', 'Bad flags, or pid is a thread that is not a leader.'],
      ['EMFILE', 'Too many open fds.'],
    ],
  },
  futex: {
    summary:
      'The building block of every lock, condition variable and join in user space: "sleep while this word in memory still has value V" (FUTEX_WAIT) and "wake N sleepers on this word" (FUTEX_WAKE). Uncontended locks never call the kernel, so a futex call in a trace means threads actually waited on each other.',
    args: [
      ['uaddr', 'Address of the 32-bit futex word.'],
      [
        'futex_op',
        'FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_REQUEUE, FUTEX_LOCK_PI..., usually with FUTEX_PRIVATE_FLAG and maybe FUTEX_CLOCK_REALTIME.',
      ],
      ['val', 'For WAIT: the value expected in the word; for WAKE: how many waiters to wake.'],
      ['timeout', 'For WAIT: a timeout (NULL = forever); for some ops, a second count.'],
      ['uaddr2', 'A second futex word, for REQUEUE/WAKE_OP.'],
      ['val3', 'Extra value: a bitset for the *_BITSET ops or a comparison value.'],
    ],
    returns: 'WAIT: 0 when woken. WAKE: the number of waiters woken.',
    errors: [
      [
        'EAGAIN',
        'FUTEX_WAIT: the word no longer held val when the kernel checked — the lock changed hands in the meantime; the caller simply retries. Very common and harmless.',
      ],
      ['ETIMEDOUT', 'The timeout expired before a wake-up (e.g. pthread_cond_timedwait).'],
      ['EINTR', 'A signal interrupted the wait.'],
      ['EINVAL', 'Inconsistent arguments, e.g. a misaligned address.'],
      ['ENOSYS', 'An operation not supported by this kernel or build.'],
    ],
  },
  futex_waitv: {
    summary:
      'Waits on several futex words at once and returns when any is woken — added for Wine/Proton to emulate Windows WaitForMultipleObjects.',
    args: [
      ['waiters', 'Array of struct futex_waitv (address, expected value, flags).'],
      ['nr_futexes', 'How many (up to 128).'],
      ['flags', 'Must be 0.'],
      ['timeout', 'Absolute timeout, or NULL.'],
      ['clockid', 'CLOCK_MONOTONIC or CLOCK_REALTIME for the timeout.'],
    ],
    returns: 'The index of the futex that was woken.',
    errors: [
      ['EAGAIN', 'One of the words did not hold its expected value.'],
      ['ETIMEDOUT', 'Timeout expired.'],
      ['EINVAL', 'Bad count or flags.'],
    ],
  },
  restart_syscall: {
    summary:
      'Not called by programs: the kernel uses it to resume a sleep that was interrupted by a stop signal (SIGSTOP, then SIGCONT) with the remaining time. strace shows it after a "--- SIGCONT ---" when a nanosleep/clock_nanosleep/poll was interrupted with ERESTART_RESTARTBLOCK.',
    args: [],
    returns: 'Whatever the resumed call returns (0 for a completed sleep).',
    errors: [['EINTR', 'Interrupted again, this time by a signal with a handler.']],
  },
  membarrier: {
    summary:
      'Issues a memory barrier on every CPU running threads of this process, so that a thread can skip expensive barriers on its fast path. Used by RCU libraries and language runtimes (e.g. .NET, liburcu).',
    args: [
      ['cmd', 'MEMBARRIER_CMD_QUERY, _PRIVATE_EXPEDITED, _REGISTER_PRIVATE_EXPEDITED, ...'],
      ['flags', '0, or MEMBARRIER_CMD_FLAG_CPU.'],
      ['cpu_id', 'Target CPU when that flag is given.'],
    ],
    returns: '0, or for QUERY a bitmask of supported commands.',
    errors: [
      ['EPERM', 'Using an expedited command before registering for it.'],
      ['EINVAL', 'Unknown command or flags.'],
    ],
  },
};
