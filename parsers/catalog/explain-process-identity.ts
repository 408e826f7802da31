import type { SyscallExplanation } from './types.js';

/** Who a process is and how it runs: ids, groups and sessions, thread set-up, scheduling, limits. */
export const PROCESS_IDENTITY_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  getpid: {
    summary:
      'Returns the process id (the thread-group id). Inside a PID namespace this is the pid as seen from inside — the first process of `unshare -p -f` sees itself as 1.',
    args: [],
    returns: 'The pid; never fails.',
    errors: [],
  },
  getppid: {
    summary:
      "Returns the parent's pid. If the parent has died the process was re-parented to init or a subreaper, and this changes. In a new PID namespace the init process sees 0.",
    args: [],
    returns: 'The parent pid; never fails.',
    errors: [],
  },
  gettid: {
    summary:
      "Returns the calling thread's own id. In a single-threaded process it equals getpid(); threads each have their own.",
    args: [],
    returns: 'The thread id; never fails.',
    errors: [],
  },
  getpgrp: {
    summary:
      'Returns the process group id of the caller. Shells use process groups for job control: a pipeline is one group.',
    args: [],
    returns: 'The process group id; never fails.',
    errors: [],
  },
  getpgid: {
    summary: 'Returns the process group id of a given process.',
    args: [['pid', 'The process to ask about; 0 means the caller.']],
    returns: 'The process group id.',
    errors: [['ESRCH', 'No such process.']],
  },
  setpgid: {
    summary:
      'Moves a process into a process group (or creates one). Interactive shells put each job in its own group so Ctrl-C reaches only the foreground job.',
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
    summary:
      'Starts a new session with the caller as leader and no controlling terminal. Daemons and `setsid` call it to detach from the terminal.',
    args: [],
    returns: "The new session id (the caller's pid).",
    errors: [['EPERM', 'The caller is already a process group leader (the usual fix is to fork first).']],
  },
  set_tid_address: {
    summary:
      'Tells the kernel where this thread\'s "clear on exit" word lives: when the thread exits, the kernel writes 0 there and wakes a futex waiter on it. glibc calls it once during start-up for the main thread; it is a standard line in the loader/libc start-up phase.',
    args: [['tidptr', "Address of the word to clear (inside glibc's thread descriptor)."]],
    returns: "The caller's thread id; never fails.",
    errors: [],
  },
  set_robust_list: {
    summary:
      'Registers the list of "robust" mutexes this thread holds, so that if the thread dies while holding one, the kernel marks it (FUTEX_OWNER_DIED) and another thread can recover. glibc does it at start-up and for every new thread.',
    args: [
      ['head', "Address of the robust-list head in glibc's thread descriptor."],
      ['len', 'Size of that head structure (24 on 64-bit).'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'len is not the size the kernel expects.']],
  },
  get_robust_list: {
    summary:
      'Reads the robust-mutex list head registered by a thread (debuggers and checkpoint tools use it).',
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
    summary:
      'Registers a "restartable sequences" area for this thread: a small structure the kernel keeps updated with the CPU the thread runs on, and which lets very short per-CPU critical sections be restarted if the thread is preempted. glibc 2.35+ registers one for every thread at start-up, so it appears in nearly every trace.',
    args: [
      ['rseq', "Address of the thread's struct rseq (inside glibc's thread descriptor)."],
      ['rseq_len', 'Its size (32 or more).'],
      ['flags', '0 to register, RSEQ_FLAG_UNREGISTER to remove.'],
      ['sig', 'A signature value the kernel checks on abort paths, guarding against misuse.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOSYS', 'Kernel older than 4.18, or blocked by seccomp; glibc then carries on without it.'],
      [
        'EINVAL',
        'An area or length other than the one already registered (glibc registers one for every thread, so a program registering its own area gets EINVAL), or bad flags, length or alignment.',
      ],
      ['EBUSY', 'This very area is already registered (same address, length and signature).'],
      ['EPERM', 'A signature other than the registered one, when registering again or unregistering.'],
    ],
  },
  arch_prctl: {
    summary:
      'Architecture-specific thread settings. On x86_64 the key use is ARCH_SET_FS, which sets the FS base register to the thread\'s TLS block — the dynamic loader does it once early in start-up, so "errno" and other thread-locals work. ARCH_CET_STATUS probes shadow-stack support (strace 6.1 prints it as 0x3001).',
    args: [
      [
        'code',
        'What to do: ARCH_SET_FS, ARCH_GET_FS, ARCH_SET_GS, ARCH_GET_CPUID, ARCH_CET_STATUS (0x3001), ARCH_SHSTK_*, ...',
      ],
      ['addr', 'The value to set, or where to store the value read.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EINVAL',
        'Unknown code — e.g. the loader asking about CET shadow stacks on a kernel that predates them; harmless.',
      ],
      ['EPERM', 'The address is not a canonical user-space address.'],
      ['EFAULT', 'addr points to unmapped memory (for the GET codes).'],
    ],
  },
  prctl: {
    summary:
      'A grab bag of per-process settings. Those seen in workshop traces: PR_SET_NAME (thread name), PR_SET_NO_NEW_PRIVS (required before an unprivileged seccomp filter), PR_SET_SECCOMP, PR_CAPBSET_READ/DROP (capability bounding set), PR_CAP_AMBIENT, PR_SET_PDEATHSIG (get a signal when the parent dies), PR_SET_CHILD_SUBREAPER, PR_SET_DUMPABLE.',
    args: [
      ['option', 'Which setting (PR_...).'],
      ['arg2', 'First argument of that option.'],
      ['arg3', 'Second argument (often 0).'],
      ['arg4', 'Third argument (often 0).'],
      ['arg5', 'Fourth argument (often 0).'],
    ],
    returns:
      '0 or a value depending on the option (e.g. PR_CAPBSET_READ returns 1 if the capability is in the bounding set).',
    errors: [
      [
        'EINVAL',
        'Unknown option or bad argument values; also returned by PR_CAPBSET_READ for a capability number this kernel does not know, which is how libcap finds the highest capability.',
      ],
      ['EPERM', 'The change needs privilege (e.g. PR_CAPBSET_DROP without CAP_SETPCAP).'],
      ['EFAULT', 'A pointer argument is bad.'],
      [
        'EACCES',
        'PR_SET_SECCOMP with a filter, from a thread that has neither CAP_SYS_ADMIN nor no_new_privs (PR_SET_NO_NEW_PRIVS first).',
      ],
    ],
  },
  personality: {
    summary:
      'Reads or sets the "execution domain": flags that make Linux emulate quirks, e.g. ADDR_NO_RANDOMIZE (what `setarch -R` and gdb use to disable ASLR) or PER_LINUX32 (what `linux32` sets).',
    args: [['persona', 'The new persona, or 0xffffffff to only query.']],
    returns: 'The previous persona.',
    errors: [['EINVAL', 'The kernel cannot switch to that persona.']],
  },
  getpriority: {
    summary:
      'Reads the nice value of a process, process group or user. The kernel returns 20 - nice (1..40) so that the result is never negative; glibc converts it.',
    args: [
      ['which', 'PRIO_PROCESS, PRIO_PGRP or PRIO_USER.'],
      ['who', 'The id of that kind; 0 means the caller.'],
    ],
    returns: '20 minus the nice value.',
    errors: [['ESRCH', 'No matching process.']],
  },
  setpriority: {
    summary:
      'Sets the nice value (scheduling priority hint) of a process, group or user; `nice` and `renice` use it.',
    args: [
      ['which', 'PRIO_PROCESS, PRIO_PGRP or PRIO_USER.'],
      ['who', 'The id; 0 means the caller.'],
      ['niceval', '-20 (most favoured) to 19 (least).'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EACCES',
        'Lowering the nice value (raising priority) without CAP_SYS_NICE or an RLIMIT_NICE allowance.',
      ],
      ['EPERM', 'The target belongs to another user.'],
      ['ESRCH', 'No matching process.'],
    ],
  },
  sched_yield: {
    summary:
      'Gives up the CPU so another runnable thread can run; the caller goes to the back of its queue. Busy-waiting code and some spinlocks call it.',
    args: [],
    returns: '0; never fails on Linux.',
    errors: [],
  },
  sched_setscheduler: {
    summary:
      "Sets a thread's scheduling policy (SCHED_OTHER, SCHED_FIFO/RR real-time, SCHED_BATCH, SCHED_IDLE) and priority. `chrt` uses it.",
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['policy', 'The policy, optionally with SCHED_RESET_ON_FORK.'],
      ['param', 'struct sched_param with the static priority (1..99 for real-time, 0 otherwise).'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        'Real-time policies need CAP_SYS_NICE (or an RLIMIT_RTPRIO allowance); also when the cgroup has no real-time budget.',
      ],
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
    summary: "Reads a thread's static scheduling priority.",
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['param', 'Where to store struct sched_param.'],
    ],
    returns: '0 on success.',
    errors: [['ESRCH', 'No such thread.']],
  },
  sched_setparam: {
    summary: "Changes a thread's static scheduling priority within its current policy.",
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
    summary:
      'Reads the set of CPUs a thread may run on. Programs call it to decide how many worker threads to start (nproc, Go, Java and Python do), so it reflects `taskset` and cpuset cgroups.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['cpusetsize', 'Size of the buffer in bytes.'],
      ['mask', 'Where to store the CPU bitmask.'],
    ],
    returns:
      'The number of bytes of mask the kernel filled in (the raw syscall differs from the glibc wrapper, which returns 0).',
    errors: [
      ['EINVAL', "The buffer is smaller than the kernel's CPU mask."],
      ['ESRCH', 'No such thread.'],
    ],
  },
  sched_setaffinity: {
    summary:
      'Restricts which CPUs a thread may run on (`taskset`). A cpuset cgroup further limits what can be chosen.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['cpusetsize', 'Size of the mask in bytes.'],
      ['mask', 'The allowed CPUs.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EINVAL',
        'The mask contains no CPU the thread is allowed to use (for example, none inside its cpuset cgroup).',
      ],
      ['EPERM', "Changing another user's thread without CAP_SYS_NICE."],
      ['ESRCH', 'No such thread.'],
    ],
  },
  getcpu: {
    summary:
      'Tells which CPU and NUMA node the caller is running on right now (usually answered by the vDSO without a real syscall).',
    args: [
      ['cpu', 'Where to store the CPU number.'],
      ['node', 'Where to store the NUMA node.'],
      ['tcache', 'Unused; historically a cache pointer.'],
    ],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  prlimit64: {
    summary:
      "Reads and/or sets a resource limit (RLIMIT_STACK, RLIMIT_NOFILE, RLIMIT_NPROC, RLIMIT_CORE, ...) of any process. glibc's getrlimit/setrlimit use it, and start-up code reads RLIMIT_STACK; `ulimit` and `prlimit` set limits with it.",
    args: [
      ['pid', 'The process; 0 means the caller.'],
      ['resource', 'Which limit (RLIMIT_...).'],
      ['new_limit', 'The new {soft, hard} pair, or NULL to leave it unchanged.'],
      ['old_limit', 'Where to store the previous pair, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', "Raising a hard limit without CAP_SYS_RESOURCE, or touching another user's process."],
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
    summary:
      'Reads resource usage (user and system CPU time, max resident memory, page faults, context switches) of the caller, its threads, or its waited-for children. `time` reports these numbers.',
    args: [
      ['who', 'RUSAGE_SELF, RUSAGE_CHILDREN or RUSAGE_THREAD.'],
      ['usage', 'Where to store struct rusage.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Unknown who.']],
  },
  times: {
    summary:
      'Reads CPU times of the process and of its waited-for children, in clock ticks. The shell builtin `times` and some old code use it.',
    args: [['buf', 'Where to store struct tms (may be NULL).']],
    returns: 'Clock ticks since an arbitrary point in the past (used to measure elapsed time).',
    errors: [['EFAULT', 'Bad buffer pointer.']],
  },
  getuid: {
    summary:
      'Returns the real user id: who started the process. Inside a user namespace this is the id as mapped there (65534 "nobody" if unmapped).',
    args: [],
    returns: 'The real uid; never fails.',
    errors: [],
  },
  geteuid: {
    summary:
      'Returns the effective user id, the one permission checks use. Differs from the real uid in set-user-ID programs like sudo or passwd. Shells and ls call it to decide what to show.',
    args: [],
    returns: 'The effective uid; never fails.',
    errors: [],
  },
  getgid: {
    summary: 'Returns the real group id: the primary group of the user who started the process.',
    args: [],
    returns: 'The real gid; never fails.',
    errors: [],
  },
  getegid: {
    summary: 'Returns the effective group id, used for permission checks.',
    args: [],
    returns: 'The effective gid; never fails.',
    errors: [],
  },
  getgroups: {
    summary:
      'Reads the supplementary group list (the extra groups that grant file access, e.g. docker, wheel).',
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
};
