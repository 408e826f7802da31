import { PATH_PROBES } from '../../parsers/bpftrace/probe-table.js';
import { syscallNumberOf } from '../../parsers/bpftrace/numbers.js';

/**
 * strace's `-e trace=` syntax turned into syscall numbers for the bpftrace backend. Supported: names,
 * a leading `!` (everything but the set), and the classes below (close to strace's own; %file here is
 * every call the backend records a path for). Regexes and `?` are strace-only.
 */
const CLASSES: Record<string, () => string[]> = {
  file: () =>
    PATH_PROBES.map((p) => p.name).filter((n) => n !== 'unshare' && n !== 'setns' && n !== 'sethostname'),
  process: () => [
    'clone',
    'clone3',
    'fork',
    'vfork',
    'execve',
    'execveat',
    'exit',
    'exit_group',
    'wait4',
    'waitid',
    'kill',
    'tkill',
    'tgkill',
    'rt_sigqueueinfo',
    'rt_tgsigqueueinfo',
    'pidfd_send_signal',
  ],
  network: () => [
    'socket',
    'socketpair',
    'connect',
    'accept',
    'accept4',
    'bind',
    'listen',
    'sendto',
    'recvfrom',
    'sendmsg',
    'recvmsg',
    'sendmmsg',
    'recvmmsg',
    'shutdown',
    'getsockname',
    'getpeername',
    'setsockopt',
    'getsockopt',
  ],
  signal: () => [
    'rt_sigaction',
    'rt_sigprocmask',
    'rt_sigreturn',
    'rt_sigpending',
    'rt_sigtimedwait',
    'rt_sigsuspend',
    'sigaltstack',
    'kill',
    'tkill',
    'tgkill',
    'pause',
    'signalfd',
    'signalfd4',
  ],
  memory: () => [
    'brk',
    'mmap',
    'munmap',
    'mprotect',
    'mremap',
    'madvise',
    'mlock',
    'munlock',
    'msync',
    'mincore',
  ],
};
CLASSES.net = CLASSES.network as () => string[];

export interface SyscallNumberSet {
  include: Set<number> | null;
  exclude: Set<number> | null;
}

/** Returns the numbers, or an error text naming what could not be understood. */
export function parseTraceSet(spec: string): SyscallNumberSet | string {
  let body = spec.trim();
  const negate = body.startsWith('!');
  if (negate) body = body.slice(1);
  const numbers = new Set<number>();
  for (const item of body
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    if (item.startsWith('%')) {
      const cls = CLASSES[item.slice(1)];
      if (!cls)
        return `--trace ${spec}: the bpftrace backend knows the classes ${Object.keys(CLASSES)
          .map((c) => `%${c}`)
          .join(', ')}, not ${item}`;
      for (const name of cls()) {
        const nr = syscallNumberOf(name);
        if (nr !== null) numbers.add(nr);
      }
      continue;
    }
    if (item.startsWith('/') || item.startsWith('?'))
      return `--trace ${spec}: "${item}" (regex or ?name) works only with --backend strace`;
    const nr = syscallNumberOf(item);
    if (nr === null) return `--trace ${spec}: unknown syscall "${item}"`;
    numbers.add(nr);
  }
  return negate ? { include: null, exclude: numbers } : { include: numbers, exclude: null };
}
