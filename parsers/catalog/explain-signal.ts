import type { SyscallExplanation } from './types.js';

const SIGSETSIZE = ['sigsetsize', 'Size of the kernel signal set in bytes (8 on Linux).'] as const;

/** Sending, catching, blocking and waiting for signals. */
export const SIGNAL_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  rt_sigaction: {
    summary:
      'Installs or reads the action for a signal: a handler function, SIG_IGN (ignore) or SIG_DFL (default). Shells set dozens of these at start-up; language runtimes install SIGSEGV/SIGPIPE handlers. The "rt_" prefix is historical: it is the only sigaction on 64-bit Linux.',
    args: [
      ['signum', 'The signal (SIGINT, SIGCHLD, ...).'],
      [
        'act',
        'The new action {sa_handler, sa_mask, sa_flags: SA_RESTART|SA_SIGINFO|SA_ONSTACK..., sa_restorer}, or NULL to only read.',
      ],
      ['oldact', 'Where to store the previous action, or NULL.'],
      SIGSETSIZE,
    ],
    returns: '0 on success.',
    errors: [
      [
        'EINVAL',
        'Invalid signal number, or an attempt to catch or ignore SIGKILL or SIGSTOP (impossible by design).',
      ],
      ['EFAULT', 'Bad pointer.'],
    ],
    notes:
      'SA_RESTART decides what happens when the signal interrupts a slow call: restart it (the ERESTARTSYS path) or fail with EINTR.',
  },
  rt_sigprocmask: {
    summary:
      'Changes which signals are blocked (held pending rather than delivered) for the calling thread. Libraries block all signals around critical work — e.g. around clone when creating a thread — then restore the mask.',
    args: [
      ['how', 'SIG_BLOCK (add), SIG_UNBLOCK (remove) or SIG_SETMASK (replace).'],
      ['set', 'The signals to apply, or NULL to only read.'],
      ['oldset', 'Where to store the previous mask, or NULL.'],
      SIGSETSIZE,
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Unknown how, or sigsetsize is not 8.'],
      ['EFAULT', 'Bad pointer.'],
    ],
  },
  rt_sigreturn: {
    summary:
      'Not called by programs directly: when a signal handler returns, it jumps to a small trampoline that calls rt_sigreturn, which restores the registers and signal mask saved when the signal arrived, so the interrupted code continues. In strace it follows every handled signal.',
    args: [],
    returns:
      'Does not return in the usual sense: execution resumes where the signal interrupted it (strace shows the restored return register value).',
    errors: [],
  },
  rt_sigpending: {
    summary: 'Reports which signals are pending: raised but blocked, so not yet delivered.',
    args: [['set', 'Where to store the pending set.'], SIGSETSIZE],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  rt_sigtimedwait: {
    summary:
      'Waits synchronously for one of a set of (blocked) signals and takes it off the pending list, instead of running a handler; sigwait/sigwaitinfo use it.',
    args: [
      ['set', 'Signals to wait for.'],
      ['info', 'Where to store the siginfo of the signal taken.'],
      ['timeout', 'How long to wait, or NULL.'],
      SIGSETSIZE,
    ],
    returns: 'The number of the signal taken.',
    errors: [
      ['EAGAIN', 'The timeout expired with no signal.'],
      ['EINTR', 'Interrupted by a signal outside the set.'],
    ],
  },
  rt_sigqueueinfo: {
    summary:
      'Sends a signal with accompanying data (a siginfo) to a process; sigqueue() uses it to pass an integer or pointer to the receiver.',
    args: [
      ['tgid', 'The target process.'],
      ['sig', 'The signal.'],
      ['info', 'The siginfo to deliver (si_code must be SI_QUEUE or negative for unprivileged senders).'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not allowed to signal that process, or a forbidden si_code.'],
      ['ESRCH', 'No such process.'],
      ['EAGAIN', 'The queued-signal limit (RLIMIT_SIGPENDING) is reached.'],
    ],
  },
  rt_tgsigqueueinfo: {
    summary: 'rt_sigqueueinfo aimed at one specific thread of a process.',
    args: [
      ['tgid', 'The process.'],
      ['tid', 'The thread.'],
      ['sig', 'The signal.'],
      ['info', 'The siginfo to deliver.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Not allowed.'],
      ['ESRCH', 'No such thread.'],
      ['EAGAIN', 'Queue limit reached.'],
    ],
  },
  rt_sigsuspend: {
    summary:
      'Atomically replaces the signal mask and sleeps until a signal handler runs — the race-free way to wait for a signal.',
    args: [['mask', 'The mask to use while sleeping.'], SIGSETSIZE],
    returns: 'Always -1: it returns only after a handler ran (EINTR; strace shows ERESTARTNOHAND).',
    errors: [['EINTR', 'The normal outcome: a signal was caught.']],
  },
  sigaltstack: {
    summary:
      'Sets an alternate stack for signal handlers, so a handler can run even if the normal stack overflowed (how runtimes report stack overflows instead of dying silently).',
    args: [
      ['ss', 'The new stack {ss_sp, ss_flags, ss_size}, or NULL.'],
      ['old_ss', 'Where to store the current one, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOMEM', 'The stack is smaller than MINSIGSTKSZ.'],
      ['EPERM', 'Changing it while running on it.'],
      ['EINVAL', 'Bad flags.'],
    ],
  },
  kill: {
    summary:
      'Sends a signal to a process or process group. `kill PID` is kill(PID, SIGTERM); signal 0 only checks whether the process exists and may be signalled.',
    args: [
      [
        'pid',
        ">0: that process; 0: the caller's process group; -1: every process the caller may signal; < -1: the group -pid.",
      ],
      ['sig', 'The signal, or 0 to only check.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESRCH', 'No such process or group (it may have exited, or is not visible from this PID namespace).'],
      ['EPERM', 'Not allowed: the target belongs to a different user and the caller lacks CAP_KILL.'],
      ['EINVAL', 'Invalid signal.'],
    ],
  },
  tkill: {
    summary:
      'Sends a signal to one thread by tid (obsolete: tgkill also checks the process, avoiding races with recycled tids).',
    args: [
      ['tid', 'The thread.'],
      ['sig', 'The signal.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESRCH', 'No such thread.'],
      ['EPERM', 'Not allowed.'],
    ],
  },
  tgkill: {
    summary:
      'Sends a signal to one thread of a given process. raise() and abort() use it to signal the calling thread itself (abort sends SIGABRT this way, then the process dies with a core dump).',
    args: [
      ['tgid', 'The process (thread group) id.'],
      ['tid', 'The thread id.'],
      ['sig', 'The signal.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESRCH', 'No such thread in that process.'],
      ['EPERM', 'Not allowed.'],
      ['EINVAL', 'Invalid signal or ids.'],
    ],
  },
  pause: {
    summary: 'Sleeps until a signal is delivered that runs a handler or ends the process.',
    args: [],
    returns: 'Only returns -1 EINTR, after a handler ran (strace shows ERESTARTNOHAND while it waits).',
    errors: [['EINTR', 'The normal outcome: a signal was caught.']],
  },
  signalfd: {
    summary: 'Creates an fd from which signals can be read as data (old form without flags).',
    args: [
      ['fd', '-1 for a new fd, or an existing signalfd to change.'],
      ['mask', 'Signals to accept.'],
      SIGSETSIZE,
    ],
    returns: 'The signalfd.',
    errors: [
      ['EINVAL', 'Bad fd or mask size.'],
      ['EMFILE', 'Too many fds.'],
    ],
  },
  signalfd4: {
    summary:
      'Creates (or changes) an fd from which blocked signals are read as structures — lets an event loop handle signals like any other input (systemd does this).',
    args: [
      ['fd', '-1 for a new fd, or an existing signalfd to change.'],
      ['mask', 'Signals to accept (they should be blocked with sigprocmask).'],
      SIGSETSIZE,
      ['flags', 'SFD_CLOEXEC, SFD_NONBLOCK.'],
    ],
    returns: 'The signalfd.',
    errors: [
      ['EINVAL', 'Bad flags or fd.'],
      ['EMFILE', 'Too many fds.'],
    ],
  },
  pidfd_send_signal: {
    summary: 'Sends a signal to the process a pidfd refers to, with no risk of hitting a recycled pid.',
    args: [
      ['pidfd', 'An fd from pidfd_open or clone(CLONE_PIDFD).'],
      ['sig', 'The signal.'],
      ['info', 'Optional siginfo, or NULL.'],
      ['flags', '0 (or PIDFD_SIGNAL_* scope flags on newer kernels).'],
    ],
    returns: '0 on success.',
    errors: [
      ['ESRCH', 'The process has exited.'],
      ['EPERM', 'Not allowed.'],
      ['EBADF', 'Not a pidfd.'],
    ],
  },
};
