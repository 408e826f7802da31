import type { SyscallExplanation } from './types.js';

const CLOCKID = [
  'clockid',
  'Which clock: CLOCK_REALTIME (wall time), CLOCK_MONOTONIC (never jumps), CLOCK_BOOTTIME, CLOCK_PROCESS_CPUTIME_ID, ...',
] as const;
const VDSO_NOTE =
  'Usually answered by the vDSO in user space without entering the kernel, so strace rarely shows it; when it does appear, the vDSO was unavailable or a special clock was asked for.';

/** Clocks, sleeps and timers. */
export const TIME_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  time: {
    summary: 'Returns the wall-clock time in whole seconds since 1970. ' + VDSO_NOTE,
    args: [['tloc', 'Where to also store the result, or NULL.']],
    returns: 'Seconds since the Epoch (strace also prints it as a date).',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  gettimeofday: {
    summary: 'Returns the wall-clock time with microseconds. ' + VDSO_NOTE,
    args: [
      ['tv', 'Where to store {tv_sec, tv_usec}.'],
      ['tz', 'Obsolete timezone output, normally NULL.'],
    ],
    returns: '0 on success.',
    errors: [['EFAULT', 'Bad pointer.']],
  },
  settimeofday: {
    summary:
      'Sets the system wall clock (for the whole machine: there is no time namespace for CLOCK_REALTIME).',
    args: [
      ['tv', 'The new time.'],
      ['tz', 'Obsolete timezone, normally NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_TIME.'],
      ['EINVAL', 'Invalid time value.'],
    ],
  },
  clock_gettime: {
    summary: 'Reads a clock with nanosecond resolution. ' + VDSO_NOTE,
    args: [CLOCKID, ['tp', 'Where to store {tv_sec, tv_nsec}.']],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Unknown clock.'],
      ['EFAULT', 'Bad pointer.'],
    ],
  },
  clock_getres: {
    summary: 'Reports the resolution of a clock. ' + VDSO_NOTE,
    args: [CLOCKID, ['res', 'Where to store the resolution, or NULL.']],
    returns: '0 on success.',
    errors: [['EINVAL', 'Unknown clock.']],
  },
  clock_nanosleep: {
    summary:
      "Sleeps for a duration, or until an absolute time, measured on a chosen clock. glibc's sleep() and nanosleep() use it, so `sleep 1` is one clock_nanosleep. If a signal interrupts it, strace shows ERESTART_RESTARTBLOCK, and after a stop/continue the remaining time is slept through restart_syscall.",
    args: [
      CLOCKID,
      ['flags', '0 for a relative duration, TIMER_ABSTIME for an absolute deadline.'],
      ['request', 'The duration or deadline {tv_sec, tv_nsec}.'],
      ['remain', 'Where to store the time left if interrupted (relative sleeps only), or NULL.'],
    ],
    returns: '0 after sleeping the full time.',
    errors: [
      ['EINTR', 'A signal handler ran; remain holds the time left.'],
      ['EINVAL', 'tv_nsec out of range or unsupported clock.'],
      [
        'ERESTART_RESTARTBLOCK',
        'Interrupted by a signal (kernel-internal, shown by strace; the sleep may be resumed).',
      ],
    ],
  },
  nanosleep: {
    summary:
      'Sleeps for a relative duration on CLOCK_MONOTONIC (older interface; glibc now uses clock_nanosleep).',
    args: [
      ['req', 'The duration.'],
      ['rem', 'Where to store the time left if interrupted, or NULL.'],
    ],
    returns: '0 after sleeping the full time.',
    errors: [
      ['EINTR', 'Interrupted by a signal handler.'],
      ['EINVAL', 'tv_nsec out of range.'],
    ],
  },
  alarm: {
    summary:
      'Arranges for SIGALRM to be sent after a number of seconds (one per process); `timeout`-like code and old programs use it.',
    args: [['seconds', 'Delay; 0 cancels a pending alarm.']],
    returns: 'Seconds remaining on the previous alarm, or 0 if none; never fails.',
    errors: [],
  },
  getitimer: {
    summary: "Reads one of the process's interval timers.",
    args: [
      ['which', 'ITIMER_REAL (SIGALRM), ITIMER_VIRTUAL (SIGVTALRM), ITIMER_PROF (SIGPROF).'],
      ['curr_value', 'Where to store {interval, value}.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Unknown which.']],
  },
  setitimer: {
    summary: 'Arms or disarms an interval timer that sends a signal periodically; profilers use ITIMER_PROF.',
    args: [
      ['which', 'ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF.'],
      ['new_value', 'First expiry and repeat interval (zero disarms).'],
      ['old_value', 'Where to store the previous setting, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Unknown which or bad time values.']],
  },
  timer_create: {
    summary:
      'Creates a POSIX per-process timer on a chosen clock, which notifies by a signal or by starting a thread when it expires.',
    args: [
      CLOCKID,
      ['sevp', 'How to notify (struct sigevent), or NULL for SIGALRM.'],
      ['timerid', 'Where to store the new timer id.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EAGAIN', 'Timer limit reached.'],
      ['EINVAL', 'Unknown clock or bad sigevent.'],
    ],
  },
  timer_settime: {
    summary: 'Arms a POSIX timer (first expiry and repeat interval) or disarms it with a zero value.',
    args: [
      ['timerid', 'The timer.'],
      ['flags', '0 or TIMER_ABSTIME.'],
      ['new_value', 'First expiry and interval.'],
      ['old_value', 'Previous setting, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Bad timer id or time values.']],
  },
  timer_gettime: {
    summary: 'Reads the time until a POSIX timer next expires, and its interval.',
    args: [
      ['timerid', 'The timer.'],
      ['curr_value', 'Where to store it.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Bad timer id.']],
  },
  timer_delete: {
    summary: 'Deletes a POSIX timer created by timer_create; a pending expiry is discarded.',
    args: [['timerid', 'The timer.']],
    returns: '0 on success.',
    errors: [['EINVAL', 'Bad timer id.']],
  },
  timerfd_create: {
    summary:
      'Creates a timer that delivers expirations through an fd (readable when it fires), so event loops can wait on timers with poll/epoll like any other input.',
    args: [CLOCKID, ['flags', 'TFD_CLOEXEC, TFD_NONBLOCK.']],
    returns: 'The timer fd.',
    errors: [
      ['EINVAL', 'Unsupported clock or flags.'],
      ['EMFILE', 'Too many fds.'],
      ['EPERM', 'CLOCK_*_ALARM without CAP_WAKE_ALARM.'],
    ],
  },
  timerfd_settime: {
    summary:
      'Arms a timer fd with a first expiry and an interval, or disarms it; reads of the fd then return the number of expirations.',
    args: [
      ['fd', 'The timer fd.'],
      ['flags', '0, TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET.'],
      ['new_value', 'First expiry and interval ({0,0} disarms).'],
      ['old_value', 'Previous setting, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EINVAL', 'Not a timer fd, or bad values.'],
      ['ECANCELED', 'The realtime clock was changed (with CANCEL_ON_SET).'],
    ],
  },
  timerfd_gettime: {
    summary: 'Reads the time left until a timer fd next fires.',
    args: [
      ['fd', 'The timer fd.'],
      ['curr_value', 'Where to store it.'],
    ],
    returns: '0 on success.',
    errors: [['EINVAL', 'Not a timer fd.']],
  },
  timer_getoverrun: {
    summary:
      'Returns how many extra expirations of a POSIX timer happened while its last signal was still pending (signals do not queue per expiry).',
    args: [['timerid', 'The timer.']],
    returns: 'The overrun count.',
    errors: [['EINVAL', 'Bad timer id.']],
  },
  clock_settime: {
    summary: 'Sets a clock; only CLOCK_REALTIME can be set, and it changes the time for the whole machine.',
    args: [CLOCKID, ['tp', 'The new time.']],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_TIME (not granted to containers by default).'],
      ['EINVAL', 'Clock not settable or bad value.'],
    ],
  },
  clock_adjtime: {
    summary:
      "Reads or tunes a clock's discipline (frequency, offset, leap seconds) — adjtimex for a chosen clock, used by NTP and PTP daemons.",
    args: [CLOCKID, ['buf', 'struct timex: modes to set and the values.']],
    returns: 'The clock state (TIME_OK, TIME_INS, ...; strace shows it by name).',
    errors: [
      ['EPERM', 'Changing anything needs CAP_SYS_TIME.'],
      ['EINVAL', 'Bad clock or values.'],
    ],
  },
  adjtimex: {
    summary:
      "Reads or tunes the system clock's discipline (gradual adjustment, frequency, leap seconds); chronyd and ntpd use it.",
    args: [['buf', 'struct timex: modes to set and the values; filled with the current state.']],
    returns: 'The clock state (TIME_OK, TIME_INS, TIME_DEL, TIME_OOP, TIME_WAIT, TIME_ERROR).',
    errors: [
      ['EPERM', 'Setting anything needs CAP_SYS_TIME.'],
      ['EINVAL', 'Bad values.'],
    ],
  },
};
