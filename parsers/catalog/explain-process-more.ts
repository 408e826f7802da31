import type { SyscallExplanation } from './types.js';

const PIDFD = ['pidfd', 'A pidfd for the target process (from pidfd_open).'] as const;

/** Less common process calls: scheduling attributes, I/O priority, pidfd tools, new futex calls, uprobes. */
export const PROCESS_MORE_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  sched_get_priority_max: {
    summary:
      'Returns the highest static priority allowed for a scheduling policy (99 for SCHED_FIFO/RR, 0 for the others).',
    args: [['policy', 'SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, SCHED_IDLE, SCHED_DEADLINE.']],
    returns: 'The maximum priority.',
    errors: [['EINVAL', 'Unknown policy.']],
  },
  sched_get_priority_min: {
    summary:
      'Returns the lowest static priority allowed for a scheduling policy (1 for SCHED_FIFO/RR, 0 for the others).',
    args: [['policy', 'The scheduling policy.']],
    returns: 'The minimum priority.',
    errors: [['EINVAL', 'Unknown policy.']],
  },
  sched_rr_get_interval: {
    summary: 'Reports the round-robin time slice a thread gets under SCHED_RR.',
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['tp', 'Where to store the interval.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESRCH', 'No such thread.'],
      ['EINVAL', 'Bad pid.'],
    ],
  },
  sched_setattr: {
    summary:
      "Sets a thread's full scheduling attributes, including SCHED_DEADLINE parameters (runtime, deadline, period) and utilisation clamps, which the older calls cannot express.",
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      [
        'attr',
        'struct sched_attr: size, policy, flags, nice, priority, runtime, deadline, period, util_min/max.',
      ],
      ['flags', 'Must be 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_NICE for real-time or deadline policies.'],
      ['EBUSY', 'Deadline admission control refused the bandwidth.'],
      ['E2BIG', 'attr is bigger than the kernel knows with non-zero extra bytes.'],
      ['EINVAL', 'Bad attributes.'],
    ],
  },
  sched_getattr: {
    summary: "Reads a thread's full scheduling attributes.",
    args: [
      ['pid', 'The thread; 0 means the caller.'],
      ['attr', 'Where to store struct sched_attr.'],
      ['size', "Size of the caller's structure."],
      ['flags', 'Must be 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESRCH', 'No such thread.'],
      ['EINVAL', 'Bad size or flags.'],
    ],
  },
  ioprio_set: {
    summary: 'Sets the I/O scheduling class and priority of a process, group or user (`ionice`).',
    args: [
      ['which', 'IOPRIO_WHO_PROCESS, IOPRIO_WHO_PGRP or IOPRIO_WHO_USER.'],
      ['who', 'The id; 0 means the caller.'],
      ['ioprio', 'Class (IOPRIO_CLASS_RT/BE/IDLE) and level combined.'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        "The real-time class needs CAP_SYS_ADMIN (or CAP_SYS_NICE); other users' processes need privilege.",
      ],
      ['ESRCH', 'No matching process.'],
      ['EINVAL', 'Bad class or level.'],
    ],
  },
  ioprio_get: {
    summary: 'Reads the I/O scheduling class and priority of a process, group or user.',
    args: [
      ['which', 'IOPRIO_WHO_PROCESS, _PGRP or _USER.'],
      ['who', 'The id; 0 means the caller.'],
    ],
    returns: 'The I/O priority value.',
    errors: [
      ['ESRCH', 'No matching process.'],
      ['EINVAL', 'Bad which.'],
    ],
  },
  process_vm_writev: {
    summary: 'Copies memory from the caller directly into another process (debuggers patching a tracee).',
    args: [
      ['pid', 'The process to write to.'],
      ['local_iov', 'Buffers in the caller.'],
      ['liovcnt', 'How many.'],
      ['remote_iov', 'Address ranges in the other process.'],
      ['riovcnt', 'How many.'],
      ['flags', 'Must be 0.'],
    ],
    returns: 'The number of bytes copied.',
    errors: [
      ['EPERM', 'Not allowed (ptrace rules).'],
      ['ESRCH', 'No such process.'],
      ['EFAULT', 'A range is not mapped.'],
    ],
  },
  pidfd_getfd: {
    summary:
      "Duplicates an fd out of another process into the caller (supervisors and seccomp notifiers grab a target's socket this way).",
    args: [PIDFD, ['targetfd', 'The fd number in the target.'], ['flags', 'Must be 0.']],
    returns: 'A new fd in the caller (close-on-exec).',
    errors: [
      ['EPERM', 'Not allowed to ptrace the target.'],
      ['EBADF', 'targetfd is not open in the target, or pidfd is bad.'],
      ['ESRCH', 'The target has exited.'],
    ],
  },
  process_madvise: {
    summary:
      "Gives madvise hints for another process's memory (e.g. Android and systemd-oomd asking to reclaim a background app's pages).",
    args: [
      PIDFD,
      ['iovec', 'The address ranges in the target.'],
      ['vlen', 'How many.'],
      ['advice', 'MADV_COLD, MADV_PAGEOUT, MADV_WILLNEED, MADV_COLLAPSE.'],
      ['flags', 'Must be 0.'],
    ],
    returns: 'Bytes advised.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_NICE and ptrace access.'],
      ['EINVAL', 'Unsupported advice.'],
      ['ESRCH', 'Target exited.'],
    ],
  },
  process_mrelease: {
    summary:
      'Releases the memory of a process that is already being killed, faster than waiting for it to exit (used by user-space OOM killers).',
    args: [PIDFD, ['flags', 'Must be 0.']],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'The process is not dying (send SIGKILL first).'],
      ['ESRCH', 'Already gone.'],
    ],
  },
  futex_wake: {
    summary:
      'Wakes waiters on a futex word — the new-style interface with explicit size flags (Linux 6.7), splitting the multiplexed futex() call.',
    args: [
      ['uaddr', 'The futex word.'],
      ['mask', 'Bitset: only waiters whose mask intersects are woken.'],
      ['nr', 'How many to wake.'],
      ['flags', 'FUTEX2_SIZE_U32, FUTEX2_PRIVATE, FUTEX2_NUMA...'],
    ],
    returns: 'The number of waiters woken.',
    errors: [
      ['EINVAL', 'Bad flags or alignment.'],
      ['ENOSYS', 'Kernel older than 6.7.'],
    ],
  },
  futex_wait: {
    summary:
      'Sleeps while a futex word still holds an expected value — the new-style futex wait (Linux 6.7).',
    args: [
      ['uaddr', 'The futex word.'],
      ['val', 'The value expected there.'],
      ['mask', 'Bitset for selective wake-ups.'],
      ['flags', 'FUTEX2_SIZE_*, FUTEX2_PRIVATE.'],
      ['timeout', 'Absolute timeout, or NULL.'],
      ['clockid', 'CLOCK_MONOTONIC or CLOCK_REALTIME.'],
    ],
    returns: '0 when woken.',
    errors: [
      ['EAGAIN', 'The word did not hold val (the state changed; retry).'],
      ['ETIMEDOUT', 'Timeout expired.'],
      ['EINTR', 'Interrupted.'],
    ],
  },
  futex_requeue: {
    summary:
      'Wakes some waiters of one futex and moves others to wait on a second futex (Linux 6.7), avoiding thundering herds in condition variables.',
    args: [
      ['waiters', 'Two struct futex_waitv: the source and target futex.'],
      ['flags', 'Must be 0.'],
      ['nr_wake', 'How many to wake.'],
      ['nr_requeue', 'How many to move.'],
    ],
    returns: 'The number of waiters woken plus requeued.',
    errors: [
      ['EAGAIN', 'The source word changed.'],
      ['EINVAL', 'Bad arguments.'],
    ],
  },
  uretprobe: {
    summary:
      "Not for programs: the kernel's uretprobe trampoline calls it to handle a return probe placed by a tracer (bpftrace uretprobe:...), faster than a trap (x86_64 only, Linux 6.11). Called from anywhere else it kills the caller with SIGILL.",
    args: [],
    returns: "Returns into the probed function's caller after the probe handlers ran.",
    errors: [],
  },
  uprobe: {
    summary:
      "Not for programs: called from an optimised uprobe trampoline so a tracer's probe fires without a breakpoint trap (x86_64 only, Linux 6.18). Called from anywhere else it fails with ENXIO.",
    args: [],
    returns: 'Continues the probed code after the handlers ran.',
    errors: [['ENXIO', 'Called outside a uprobe trampoline.']],
  },
  set_thread_area: {
    summary:
      'Installs a TLS segment descriptor in the GDT — how 32-bit x86 programs set up thread-local storage (64-bit ones use arch_prctl(ARCH_SET_FS)).',
    args: [['u_info', 'struct user_desc describing the segment; entry_number -1 asks for a free slot.']],
    returns: '0 on success (entry_number is filled in).',
    errors: [
      ['ESRCH', 'No free TLS slot.'],
      ['EINVAL', 'Bad descriptor.'],
    ],
  },
  get_thread_area: {
    summary: 'Reads a TLS segment descriptor set with set_thread_area (32-bit x86 TLS).',
    args: [['u_info', 'struct user_desc with entry_number set; filled in on return.']],
    returns: '0 on success.',
    errors: [['EINVAL', 'entry_number out of range.']],
  },
  modify_ldt: {
    summary:
      "Reads or writes the process's Local Descriptor Table, needed only by 16-bit code emulation (Wine, DOSEMU). Often disabled.",
    args: [
      ['func', '0 read, 1/0x11 write, 2 read default.'],
      ['ptr', 'Buffer or struct user_desc.'],
      ['bytecount', 'Size of ptr.'],
    ],
    returns: 'Bytes read, or 0 on a write.',
    errors: [
      ['ENOSYS', 'Built without CONFIG_MODIFY_LDT_SYSCALL.'],
      ['EINVAL', 'Bad descriptor.'],
    ],
  },
};
