import type { SyscallExplanation } from './types.js';

/** Creating, running, identifying and ending processes and threads. */
export const PROCESS_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  execve: {
    summary:
      'Replaces the program running in this process with a new one. The pid stays the same, open fds without close-on-exec stay open, but the memory, code and signal handlers are thrown away and the new program starts from its entry point. For a dynamically linked ELF file the kernel actually starts the ELF interpreter (the dynamic loader, e.g. /lib64/ld-linux-x86-64.so.2) named inside the binary, and the loader then maps libc and the other libraries — that is the burst of openat/mmap/mprotect that follows every execve.',
    args: [
      ['pathname', 'The file to run. No PATH search happens in the kernel: shells and execvp try each PATH directory in turn, which is why traces show a chain of failed execve calls before the one that works.'],
      ['argv', 'The argument list, argv[0] being the name the program sees for itself.'],
      ['envp', 'The complete environment for the new program (strace shows "/* N vars */"). `env -i` passes an empty one.'],
    ],
    returns: 'Nothing on success — the call never returns, the new program is running (strace prints "= 0"). On failure the old program continues and gets -1.',
    errors: [
      ['ENOENT', 'The file does not exist — or it exists but its interpreter does not: the dynamic loader named in the ELF header (or the #! interpreter of a script) is missing. This is the misleading "No such file or directory" of a chroot that lacks /lib64/ld-linux-x86-64.so.2; `ldd` lists what must be copied in.'],
      ['EACCES', 'No execute permission on the file, a directory on the path is not searchable, the file is not a regular file, or the filesystem is mounted noexec.'],
      ['ENOEXEC', 'The file is not a format the kernel can run (not ELF, wrong architecture, a script without #!).'],
      ['E2BIG', 'argv plus environment is too large.'],
      ['ETXTBSY', 'The file is open for writing by some process.'],
      ['EPERM', 'Blocked by policy: a seccomp filter or an LSM (SELinux, AppArmor) refusing the exec.'],
      ['ENOTDIR', 'A component of the path is not a directory.'],
      ['ELOOP', 'Too many symlinks while resolving the path or the interpreter.'],
    ],
    notes: 'In a multi-threaded process, execve kills the other threads; strace shows "+++ superseded by execve +++" and the caller takes over the leader\'s pid.',
  },
  execveat: {
    summary: 'Like execve, but the program is named relative to a directory fd, or given directly as an open fd (with AT_EMPTY_PATH) — fexecve() uses this, and so do container runtimes that open a binary before switching root.',
    args: [
      ['dirfd', 'Directory the pathname is relative to, or AT_FDCWD; with AT_EMPTY_PATH, the fd of the program itself.'],
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
      ['flags', 'What to share or create: CLONE_VM, CLONE_FILES, CLONE_THREAD, CLONE_NEWNS/NEWPID/NEWNET/NEWUTS/NEWUSER..., plus the signal sent to the parent when the child exits (usually SIGCHLD). strace shows it as flags=.'],
      ['stack', 'The child\'s stack pointer (child_stack=); NULL means "same stack as the parent", which is what fork-like clones use.'],
      ['parent_tid', 'Where to store the child\'s thread id in the parent\'s memory (CLONE_PARENT_SETTID).'],
      ['child_tid', 'Where to store (CLONE_CHILD_SETTID) or clear-and-wake at exit (CLONE_CHILD_CLEARTID) the child\'s tid; pthread_join waits on it.'],
      ['tls', 'The thread-local storage pointer for the new thread (CLONE_SETTLS).'],
    ],
    returns: 'In the parent: the new child\'s pid/tid. In the child: 0. Under strace -f, the child\'s own lines often appear before the parent\'s clone returns.',
    errors: [
      ['EAGAIN', 'Too many processes: RLIMIT_NPROC or the pids cgroup limit (pids.max) was reached — a cgroup "pinning" the number of tasks shows up exactly like this.'],
      ['EPERM', 'A CLONE_NEW* flag needs CAP_SYS_ADMIN (except a new user namespace), or user namespaces are disabled.'],
      ['EINVAL', 'An impossible flag combination, e.g. CLONE_THREAD without CLONE_SIGHAND, or CLONE_NEWPID with CLONE_THREAD.'],
      ['ENOMEM', 'Not enough memory for the new task.'],
      ['ENOSPC', 'Too many nested namespaces or the per-user namespace limit (/proc/sys/user/max_*_namespaces).'],
      ['ERESTARTNOINTR', 'A signal arrived during the clone; the kernel restarts it transparently.'],
    ],
  },
  clone3: {
    summary:
      'The modern clone: takes a struct clone_args instead of five packed arguments, so it can express more (a cgroup to start in, a pidfd, a set_tid). glibc 2.34+ uses it for pthread_create and posix_spawn, and falls back to clone if the kernel answers ENOSYS.',
    args: [
      ['cl_args', 'struct clone_args: flags, pidfd, child_tid, parent_tid, exit_signal, stack and stack_size, tls, set_tid, cgroup.'],
      ['size', 'sizeof(struct clone_args) the caller was compiled with (88 on current systems); lets old and new binaries work with any kernel.'],
    ],
    returns: 'The child\'s pid/tid in the parent, 0 in the child.',
    errors: [
      ['ENOSYS', 'Kernel older than 5.3, or a seccomp profile (common in older Docker) that blocks clone3 so glibc falls back to clone.'],
      ['EAGAIN', 'Process limit reached (RLIMIT_NPROC or pids.max of the cgroup).'],
      ['EPERM', 'Creating the requested namespaces needs privilege.'],
      ['EINVAL', 'Bad flags or a size the kernel does not understand.'],
      ['E2BIG', 'size is larger than the kernel knows and the extra bytes are not zero.'],
    ],
  },
  fork: {
    summary: 'Creates a child that is a copy of the caller (copy-on-write memory, duplicated fds). Modern glibc implements fork() with clone(SIGCHLD) instead, so the fork syscall itself is rare in traces.',
    args: [],
    returns: 'The child\'s pid in the parent, 0 in the child.',
    errors: [
      ['EAGAIN', 'Process limit reached (RLIMIT_NPROC or the cgroup pids.max).'],
      ['ENOMEM', 'Not enough memory to copy the process.'],
    ],
  },
  vfork: {
    summary: 'Creates a child that borrows the parent\'s memory and suspends the parent until the child calls execve or exits. Shells and posix_spawn use it because it is cheaper than fork when the child will exec straight away.',
    args: [],
    returns: 'The child\'s pid in the parent (returned only after the child has exec\'d or exited), 0 in the child.',
    errors: [
      ['EAGAIN', 'Process limit reached.'],
      ['ENOMEM', 'Not enough memory for a new task.'],
    ],
    notes: 'In a trace the vfork line is often split: `vfork( <unfinished ...>`, then the child\'s execve chain, then `<... vfork resumed>) = PID`.',
  },
  exit: {
    summary: 'Ends the calling thread only (not the whole process). pthread_exit and the end of a thread function use it; the last thread exiting ends the process.',
    args: [['status', 'The exit code, meaningful for the last thread only.']],
    returns: 'Never returns (strace prints "= ?").',
    errors: [],
  },
  exit_group: {
    summary: 'Ends the whole process: every thread stops, fds are closed, memory is released, and the parent is sent SIGCHLD with the exit status. This is what exit() and returning from main() call at the very end.',
    args: [['status', 'The exit code (0..255 as the parent sees it). strace then prints "+++ exited with N +++".']],
    returns: 'Never returns (strace prints "= ?").',
    errors: [],
  },
  wait4: {
    summary: 'Waits for a child process to change state (usually to exit) and collects its exit status, which lets the kernel free the zombie. Shells call it after each command; `make` and init systems call it all the time.',
    args: [
      ['pid', '-1 for any child, a pid for that child, 0 for any child in the caller\'s process group, < -1 for any child in that group.'],
      ['wstatus', 'Where the status goes; strace decodes it, e.g. [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] or a WIFSIGNALED/WTERMSIG for a killed child.'],
      ['options', 'WNOHANG (do not block), WUNTRACED/WCONTINUED (also report stops and continues), __WALL.'],
      ['rusage', 'Optional: where to store the child\'s resource usage (CPU time etc.).'],
    ],
    returns: 'The pid of the child whose state changed; 0 with WNOHANG if none has yet.',
    errors: [
      ['ECHILD', 'No children (left) to wait for, or none matching pid — shells see this at the end of a reaping loop.'],
      ['EINTR', 'A signal (often SIGCHLD itself) interrupted the wait.'],
      ['EINVAL', 'Unknown options.'],
    ],
  },
  waitid: {
    summary: 'A more precise wait: chooses children by pid, process group or pidfd and returns a siginfo describing the change. Used by newer code (e.g. systemd, Python with pidfds).',
    args: [
      ['idtype', 'P_PID, P_PGID, P_ALL or P_PIDFD.'],
      ['id', 'The pid, group id or pidfd, per idtype.'],
      ['infop', 'Where to store a siginfo_t describing the child (si_pid, si_status, si_code = CLD_EXITED/CLD_KILLED...).'],
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
  getpid: { summary: 'Returns the process id (the thread-group id). Inside a PID namespace this is the pid as seen from inside — the first process of `unshare -p -f` sees itself as 1.', args: [], returns: 'The pid; never fails.', errors: [] },
  getppid: { summary: 'Returns the parent\'s pid. If the parent has died the process was re-parented to init or a subreaper, and this changes. In a new PID namespace the init process sees 0.', args: [], returns: 'The parent pid; never fails.', errors: [] },
  gettid: { summary: 'Returns the calling thread\'s own id. In a single-threaded process it equals getpid(); threads each have their own.', args: [], returns: 'The thread id; never fails.', errors: [] },
  getpgrp: { summary: 'Returns the process group id of the caller. Shells use process groups for job control: a pipeline is one group.', args: [], returns: 'The process group id; never fails.', errors: [] },
  getpgid: {
    summary: 'Returns the process group id of a given process.',
    args: [['pid', 'The process to ask about; 0 means the caller.']],
    returns: 'The process group id.',
    errors: [['ESRCH', 'No such process.']],
  },
  setpgid: {
    summary: 'Moves a process into a process group (or creates one). Interactive shells put each job in its own group so Ctrl-C reaches only the foreground job.',
    args: [
      ['pid', 'The process to move; 0 means the caller.'],
      ['pgid', 'The group to join; 0 means "a new group whose id is pid".'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Moving across sessions, or the process is a session leader.'],
      ['EACCES', 'The child has already called execve.'],
      ['ESRCH', 'pid is not the caller or one of its children.'],
    ],
  },
  getsid: {
    summary: 'Returns the session id of a process (the pid of the session leader, usually a login shell).',
    args: [['pid', 'The process; 0 means the caller.']],
    returns: 'The session id.',
    errors: [['ESRCH', 'No such process.']],
  },
  setsid: {
    summary: 'Starts a new session with the caller as leader and no controlling terminal. Daemons and `setsid` call it to detach from the terminal.',
    args: [],
    returns: 'The new session id (the caller\'s pid).',
    errors: [['EPERM', 'The caller is already a process group leader (the usual fix is to fork first).']],
  },
  set_tid_address: {
    summary: 'Tells the kernel where this thread\'s "clear on exit" word lives: when the thread exits, the kernel writes 0 there and wakes a futex waiter on it. glibc calls it once during start-up for the main thread; it is a standard line in the loader/libc start-up phase.',
    args: [['tidptr', 'Address of the word to clear (inside glibc\'s thread descriptor).']],
    returns: 'The caller\'s thread id; never fails.',
    errors: [],
  },
  set_robust_list: {
    summary: 'Registers the list of "robust" mutexes this thread holds, so that if the thread dies while holding one, the kernel marks it (FUTEX_OWNER_DIED) and another thread can recover. glibc does it at start-up and for every new thread.',
    args: [
      ['head', 'Address of the robust-list head in glibc\'s thread descriptor.'],
      ['len', 'Size of that head structure (24 on 64-bit).'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'len is not the size the kernel expects.']],
  },
  get_robust_list: {
    summary: 'Reads the robust-mutex list head registered by a thread (debuggers and checkpoint tools use it).',
    args: [
      ['pid', 'The thread to ask about; 0 means the caller.'],
      ['head_ptr', 'Where to store the list head address.'],
      ['len_ptr', 'Where to store its size.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESRCH', 'No such thread.'],
      ['EPERM', 'Not allowed to inspect that thread (ptrace rules).'],
    ],
  },
  rseq: {
    summary: 'Registers a "restartable sequences" area for this thread: a small structure the kernel keeps updated with the CPU the thread runs on, and which lets very short per-CPU critical sections be restarted if the thread is preempted. glibc 2.35+ registers one for every thread at start-up, so it appears in nearly every trace.',
    args: [
      ['rseq', 'Address of the thread\'s struct rseq (inside glibc\'s thread descriptor).'],
      ['rseq_len', 'Its size (32 or more).'],
      ['flags', '0 to register, RSEQ_FLAG_UNREGISTER to remove.'],
      ['sig', 'A signature value the kernel checks on abort paths, guarding against misuse.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOSYS', 'Kernel older than 4.18, or blocked by seccomp; glibc then carries on without it.'],
      ['EBUSY', 'This thread already registered an rseq area (e.g. a program that registers its own on top of glibc\'s).'],
      ['EINVAL', 'Bad length, alignment or flags.'],
      ['EPERM', 'Unregistering with a different signature than was registered.'],
    ],
  },
  arch_prctl: {
    summary: 'Architecture-specific thread settings. On x86_64 the key use is ARCH_SET_FS, which sets the FS base register to the thread\'s TLS block — the dynamic loader does it once early in start-up, so "errno" and other thread-locals work. ARCH_CET_STATUS probes shadow-stack support (strace 6.1 prints it as 0x3001).',
    args: [
      ['code', 'What to do: ARCH_SET_FS, ARCH_GET_FS, ARCH_SET_GS, ARCH_GET_CPUID, ARCH_CET_STATUS (0x3001), ARCH_SHSTK_*, ...'],
      ['addr', 'The value to set, or where to store the value read.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Unknown code — e.g. the loader asking about CET shadow stacks on a kernel that predates them; harmless.'],
      ['EPERM', 'The address is not a canonical user-space address.'],
      ['EFAULT', 'addr points to unmapped memory (for the GET codes).'],
    ],
  },
  prctl: {
    summary: 'A grab bag of per-process settings. Those seen in workshop traces: PR_SET_NAME (thread name), PR_SET_NO_NEW_PRIVS (required before an unprivileged seccomp filter), PR_SET_SECCOMP, PR_CAPBSET_READ/DROP (capability bounding set), PR_CAP_AMBIENT, PR_SET_PDEATHSIG (get a signal when the parent dies), PR_SET_CHILD_SUBREAPER, PR_SET_DUMPABLE.',
    args: [
      ['option', 'Which setting (PR_...).'],
      ['arg2', 'First argument of that option.'],
      ['arg3', 'Second argument (often 0).'],
      ['arg4', 'Third argument (often 0).'],
      ['arg5', 'Fourth argument (often 0).'],
    ],
    returns: '0 or a value depending on the option (e.g. PR_CAPBSET_READ returns 1 if the capability is in the bounding set).',
    errors: [
      ['EINVAL', 'Unknown option or bad argument values; also returned by PR_CAPBSET_READ for a capability number this kernel does not know, which is how libcap finds the highest capability.'],
      ['EPERM', 'The change needs privilege (e.g. PR_CAPBSET_DROP without CAP_SETPCAP).'],
      ['EFAULT', 'A pointer argument is bad.'],
    ],
  },
  personality: {
    summary: 'Reads or sets the "execution domain": flags that make Linux emulate quirks, e.g. ADDR_NO_RANDOMIZE (what `setarch -R` and gdb use to disable ASLR) or PER_LINUX32 (what `linux32` sets).',
    args: [['persona', 'The new persona, or 0xffffffff to only query.']],
    returns: 'The previous persona.',
    errors: [['EINVAL', 'The kernel cannot switch to that persona.']],
  },
  getpriority: {
    summary: 'Reads the nice value of a process, process group or user. The kernel returns 20 - nice (1..40) so that the result is never negative; glibc converts it.',
    args: [
      ['which', 'PRIO_PROCESS, PRIO_PGRP or PRIO_USER.'],
      ['who', 'The id of that kind; 0 means the caller.'],
    ],
    returns: '20 minus the nice value.',
    errors: [['ESRCH', 'No matching process.']],
  },
  setpriority: {
    summary: 'Sets the nice value (scheduling priority hint) of a process, group or user; `nice` and `renice` use it.',
    args: [
      ['which', 'PRIO_PROCESS, PRIO_PGRP or PRIO_USER.'],
      ['who', 'The id; 0 means the caller.'],
      ['niceval', '-20 (most favoured) to 19 (least).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EACCES', 'Lowering the nice value (raising priority) without CAP_SYS_NICE or an RLIMIT_NICE allowance.'],
      ['EPERM', 'The target belongs to another user.'],
      ['ESRCH', 'No matching process.'],
    ],
  },
  sched_yield: { summary: 'Gives up the CPU so another runnable thread can run; the caller goes to the back of its queue. Busy-waiting code and some spinlocks call it.', args: [], returns: '0; never fails on Linux.', errors: [] },
  sched_setscheduler: {
    summary: 'Sets a thread\'s scheduling policy (SCHED_OTHER, SCHED_FIFO/RR real-time, SCHED_BATCH, SCHED_IDLE) and priority. `chrt` uses it.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['policy', 'The policy, optionally with SCHED_RESET_ON_FORK.'],
      ['param', 'struct sched_param with the static priority (1..99 for real-time, 0 otherwise).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Real-time policies need CAP_SYS_NICE (or an RLIMIT_RTPRIO allowance); also when the cgroup has no real-time budget.'],
      ['EINVAL', 'Unknown policy or a priority out of range.'],
      ['ESRCH', 'No such thread.'],
    ],
  },
  sched_getscheduler: {
    summary: 'Returns the scheduling policy of a thread.',
    args: [['pid', 'The thread; 0 means the caller.']],
    returns: 'The policy number (SCHED_OTHER = 0, ...).',
    errors: [['ESRCH', 'No such thread.']],
  },
  sched_getparam: {
    summary: 'Reads a thread\'s static scheduling priority.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['param', 'Where to store struct sched_param.'],
    ],
    returns: '0 on success.',
    errors: [['ESRCH', 'No such thread.']],
  },
  sched_setparam: {
    summary: 'Changes a thread\'s static scheduling priority within its current policy.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['param', 'struct sched_param with the new priority.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not privileged for that priority.'],
      ['EINVAL', 'Priority out of range for the policy.'],
    ],
  },
  sched_getaffinity: {
    summary: 'Reads the set of CPUs a thread may run on. Programs call it to decide how many worker threads to start (nproc, Go, Java and Python do), so it reflects `taskset` and cpuset cgroups.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['cpusetsize', 'Size of the buffer in bytes.'],
      ['mask', 'Where to store the CPU bitmask.'],
    ],
    returns: 'The number of bytes of mask the kernel filled in (the raw syscall differs from the glibc wrapper, which returns 0).',
    errors: [
      ['EINVAL', 'The buffer is smaller than the kernel\'s CPU mask.'],
      ['ESRCH', 'No such thread.'],
    ],
  },
  sched_setaffinity: {
    summary: 'Restricts which CPUs a thread may run on (`taskset`). A cpuset cgroup further limits what can be chosen.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['cpusetsize', 'Size of the mask in bytes.'],
      ['mask', 'The allowed CPUs.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'The mask contains no CPU the thread is allowed to use (for example, none inside its cpuset cgroup).'],
      ['EPERM', 'Changing another user\'s thread without CAP_SYS_NICE.'],
      ['ESRCH', 'No such thread.'],
    ],
  },
  getcpu: {
    summary: 'Tells which CPU and NUMA node the caller is running on right now (usually answered by the vDSO without a real syscall).',
    args: [
      ['cpu', 'Where to store the CPU number.'],
      ['node', 'Where to store the NUMA node.'],
      ['tcache', 'Unused; historically a cache pointer.'],
    ],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  prlimit64: {
    summary: 'Reads and/or sets a resource limit (RLIMIT_STACK, RLIMIT_NOFILE, RLIMIT_NPROC, RLIMIT_CORE, ...) of any process. glibc\'s getrlimit/setrlimit use it, and start-up code reads RLIMIT_STACK; `ulimit` and `prlimit` set limits with it.',
    args: [
      ['pid', 'The process; 0 means the caller.'],
      ['resource', 'Which limit (RLIMIT_...).'],
      ['new_limit', 'The new {soft, hard} pair, or NULL to leave it unchanged.'],
      ['old_limit', 'Where to store the previous pair, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Raising a hard limit without CAP_SYS_RESOURCE, or touching another user\'s process.'],
      ['EINVAL', 'Unknown resource, or soft > hard.'],
      ['ESRCH', 'No such process.'],
    ],
  },
  getrlimit: {
    summary: 'Reads one resource limit of the caller (older interface; glibc now uses prlimit64).',
    args: [
      ['resource', 'Which limit.'],
      ['rlim', 'Where to store {soft, hard}.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Unknown resource.']],
  },
  setrlimit: {
    summary: 'Sets one resource limit of the caller (older interface; glibc now uses prlimit64).',
    args: [
      ['resource', 'Which limit.'],
      ['rlim', 'The new {soft, hard}.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Raising the hard limit without CAP_SYS_RESOURCE.'],
      ['EINVAL', 'soft > hard, or unknown resource.'],
    ],
  },
  getrusage: {
    summary: 'Reads resource usage (user and system CPU time, max resident memory, page faults, context switches) of the caller, its threads, or its waited-for children. `time` reports these numbers.',
    args: [
      ['who', 'RUSAGE_SELF, RUSAGE_CHILDREN or RUSAGE_THREAD.'],
      ['usage', 'Where to store struct rusage.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Unknown who.']],
  },
  times: {
    summary: 'Reads CPU times of the process and of its waited-for children, in clock ticks. The shell builtin `times` and some old code use it.',
    args: [['buf', 'Where to store struct tms (may be NULL).']],
    returns: 'Clock ticks since an arbitrary point in the past (used to measure elapsed time).',
    errors: [['EFAULT', 'Bad buffer pointer.']],
  },
  getuid: { summary: 'Returns the real user id: who started the process. Inside a user namespace this is the id as mapped there (65534 "nobody" if unmapped).', args: [], returns: 'The real uid; never fails.', errors: [] },
  geteuid: { summary: 'Returns the effective user id, the one permission checks use. Differs from the real uid in set-user-ID programs like sudo or passwd. Shells and ls call it to decide what to show.', args: [], returns: 'The effective uid; never fails.', errors: [] },
  getgid: { summary: 'Returns the real group id: the primary group of the user who started the process.', args: [], returns: 'The real gid; never fails.', errors: [] },
  getegid: { summary: 'Returns the effective group id, used for permission checks.', args: [], returns: 'The effective gid; never fails.', errors: [] },
  getgroups: {
    summary: 'Reads the supplementary group list (the extra groups that grant file access, e.g. docker, wheel).',
    args: [
      ['size', 'Capacity of the list; 0 means "just tell me how many".'],
      ['list', 'Where to store the group ids.'],
    ],
    returns: 'The number of supplementary groups.',
    errors: [['EINVAL', 'size is non-zero but too small.']],
  },
  getresuid: {
    summary: 'Reads the real, effective and saved user ids at once.',
    args: [
      ['ruid', 'Where to store the real uid.'],
      ['euid', 'Where to store the effective uid.'],
      ['suid', 'Where to store the saved set-user-ID.'],
    ],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  getresgid: {
    summary: 'Reads the real, effective and saved group ids at once.',
    args: [
      ['rgid', 'Where to store the real gid.'],
      ['egid', 'Where to store the effective gid.'],
      ['sgid', 'Where to store the saved set-group-ID.'],
    ],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  ptrace: {
    summary: 'Lets one process observe and control another: read its memory and registers, stop it at each syscall, inject signals. strace and gdb are built on it — strace\'s own ptrace calls are not shown in its trace of the tracee.',
    args: [
      ['request', 'What to do: PTRACE_TRACEME, PTRACE_ATTACH/SEIZE, PTRACE_SYSCALL, PTRACE_GETREGS, PTRACE_PEEKDATA, ...'],
      ['pid', 'The tracee.'],
      ['addr', 'An address in the tracee, depending on request.'],
      ['data', 'A value or buffer, depending on request.'],
    ],
    returns: '0, or the data read for PEEK requests.',
    errors: [
      ['EPERM', 'Not allowed to trace this process: another user\'s process, a set-user-ID program, Yama ptrace_scope, missing CAP_SYS_PTRACE, or it is already traced (strace inside strace).'],
      ['ESRCH', 'The process does not exist, is not traced by the caller, or is not stopped.'],
      ['EIO', 'Bad address or request for the tracee\'s state.'],
    ],
  },
  kcmp: {
    summary: 'Checks whether two processes share a kernel resource (the same open file, memory map, fd table...). Checkpoint/restore tools use it.',
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
    summary: 'Copies memory directly out of another process into the caller, without ptrace stops. Debuggers and profilers use it.',
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
    summary: 'Returns a file descriptor that refers to a process. Unlike a pid number it cannot be recycled, so it can be polled for exit, passed to waitid(P_PIDFD), pidfd_send_signal or setns safely.',
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
    summary: 'The building block of every lock, condition variable and join in user space: "sleep while this word in memory still has value V" (FUTEX_WAIT) and "wake N sleepers on this word" (FUTEX_WAKE). Uncontended locks never call the kernel, so a futex call in a trace means threads actually waited on each other.',
    args: [
      ['uaddr', 'Address of the 32-bit futex word.'],
      ['futex_op', 'FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_REQUEUE, FUTEX_LOCK_PI..., usually with FUTEX_PRIVATE_FLAG and maybe FUTEX_CLOCK_REALTIME.'],
      ['val', 'For WAIT: the value expected in the word; for WAKE: how many waiters to wake.'],
      ['timeout', 'For WAIT: a timeout (NULL = forever); for some ops, a second count.'],
      ['uaddr2', 'A second futex word, for REQUEUE/WAKE_OP.'],
      ['val3', 'Extra value: a bitset for the *_BITSET ops or a comparison value.'],
    ],
    returns: 'WAIT: 0 when woken. WAKE: the number of waiters woken.',
    errors: [
      ['EAGAIN', 'FUTEX_WAIT: the word no longer held val when the kernel checked — the lock changed hands in the meantime; the caller simply retries. Very common and harmless.'],
      ['ETIMEDOUT', 'The timeout expired before a wake-up (e.g. pthread_cond_timedwait).'],
      ['EINTR', 'A signal interrupted the wait.'],
      ['EINVAL', 'Inconsistent arguments, e.g. a misaligned address.'],
      ['ENOSYS', 'An operation not supported by this kernel or build.'],
    ],
  },
  futex_waitv: {
    summary: 'Waits on several futex words at once and returns when any is woken — added for Wine/Proton to emulate Windows WaitForMultipleObjects.',
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
    summary: 'Not called by programs: the kernel uses it to resume a sleep that was interrupted by a stop signal (SIGSTOP, then SIGCONT) with the remaining time. strace shows it after a "--- SIGCONT ---" when a nanosleep/clock_nanosleep/poll was interrupted with ERESTART_RESTARTBLOCK.',
    args: [],
    returns: 'Whatever the resumed call returns (0 for a completed sleep).',
    errors: [['EINTR', 'Interrupted again, this time by a signal with a handler.']],
  },
  membarrier: {
    summary: 'Issues a memory barrier on every CPU running threads of this process, so that a thread can skip expensive barriers on its fast path. Used by RCU libraries and language runtimes (e.g. .NET, liburcu).',
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
