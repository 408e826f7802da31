/** Linux x86_64 signal numbers (signal(7)); 34..64 are the real-time signals strace prints as SIGRTMIN+n / SIGRT_n. */
const NAMES = [
  '',
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGKILL',
  'SIGUSR1',
  'SIGSEGV',
  'SIGUSR2',
  'SIGPIPE',
  'SIGALRM',
  'SIGTERM',
  'SIGSTKFLT',
  'SIGCHLD',
  'SIGCONT',
  'SIGSTOP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGURG',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPROF',
  'SIGWINCH',
  'SIGIO',
  'SIGPWR',
  'SIGSYS',
];

export function signalName(signo: number): string {
  if (signo >= 1 && signo < NAMES.length) return NAMES[signo] as string;
  if (signo >= 34 && signo <= 64) return `SIGRT_${signo - 32}`;
  return `SIG_${signo}`;
}
