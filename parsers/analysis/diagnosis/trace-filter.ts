import type { Trace } from '../../model/index.js';

/**
 * Which calls a log can show. A log made with `strace -e trace=SET` holds only those calls: it cannot
 * say that a program opened no library, or that nothing failed before its execve. Rules ask `sees(name)`
 * before claiming anything about the absence of a call.
 */
export interface TraceFilter {
  filtered: boolean;
  /** 'context': session.json's trace option; 'inferred': whole families of calls are absent. */
  source: 'context' | 'inferred' | null;
  /** The filter as given (`execve,chroot`), or the calls the log holds when inferred. */
  text: string | null;
  /** True when calls of this name would be in the log if the program made them. */
  sees(name: string): boolean;
}

/**
 * strace's classes (`%file`, `%process`, ...) for the calls the rules reason about. A class or name not
 * listed here counts as not seen: the diagnosis then stays silent rather than guess.
 */
const CLASSES: Record<string, string[]> = {
  file: `open openat openat2 creat execve execveat stat lstat newfstatat statx access faccessat faccessat2
    readlink readlinkat chdir chroot mkdir mkdirat unlink unlinkat rename renameat renameat2 mount umount2
    pivot_root symlink symlinkat link linkat chmod fchmodat chown fchownat lchown truncate utimensat mknod
    mknodat statfs getxattr lgetxattr setxattr listxattr swapon swapoff`.split(/\s+/),
  desc: `read write close openat open creat pread64 pwrite64 readv writev dup dup2 dup3 fcntl ioctl
    fstat newfstatat getdents64 getdents lseek mmap poll ppoll select pselect6 epoll_wait fstatfs
    sendfile splice connect socket bind listen accept accept4 sendto recvfrom sendmsg recvmsg`.split(/\s+/),
  process: `clone clone3 fork vfork execve execveat exit exit_group wait4 waitid kill tkill tgkill
    unshare setns`.split(/\s+/),
  memory: 'brk mmap munmap mprotect mremap madvise mlock munlock'.split(/\s+/),
  network: `socket socketpair connect accept accept4 bind listen sendto recvfrom sendmsg recvmsg shutdown
    getsockname getpeername setsockopt getsockopt`.split(/\s+/),
  signal: 'rt_sigaction rt_sigprocmask rt_sigreturn kill tkill tgkill sigaltstack pause'.split(/\s+/),
  creds: `capget capset setuid setgid setresuid setresgid setgroups getuid geteuid getgid getegid
    prctl`.split(/\s+/),
  stat: 'stat newfstatat statx'.split(/\s+/),
  ipc: 'pipe pipe2 shmget semget msgget'.split(/\s+/),
};
CLASSES.net = CLASSES.network as string[];

/** Calls every program image makes right after execve (the loader or libc start-up). */
const START_UP = ['brk', 'mmap', 'mmap2', 'arch_prctl', 'mprotect', 'set_tid_address'];

export function computeTraceFilter(trace: Trace, given: string | null | undefined): TraceFilter {
  if (given) return fromExpression(given);
  const present = new Set(trace.names);
  if (!inferFiltered(trace, present)) {
    return { filtered: false, source: null, text: null, sees: () => true };
  }
  const shown = [...present].filter((n) => n !== '' && hasSyscall(trace, n)).sort();
  return { filtered: true, source: 'inferred', text: shown.join(','), sees: (name) => present.has(name) };
}

/** A program ran (an execve returned 0) yet none of the calls every start-up makes is in the log. */
function inferFiltered(trace: Trace, present: Set<string>): boolean {
  if (trace.format.tracer !== 'strace') return false;
  if (START_UP.some((n) => present.has(n))) return false;
  for (let i = 0; i < trace.count; i++) {
    if (trace.kind(i) === 'syscall' && trace.name(i) === 'execve' && trace.ret(i) === 0) return true;
  }
  return false;
}

function hasSyscall(trace: Trace, name: string): boolean {
  for (let i = 0; i < trace.count; i++)
    if (trace.kind(i) === 'syscall' && trace.name(i) === name) return true;
  return false;
}

/** `execve,chroot`, `%process,%file,chroot`, `!read,write`, `trace=openat`. */
function fromExpression(given: string): TraceFilter {
  let text = given.trim().replace(/^(trace|t)=/, '');
  const negated = text.startsWith('!');
  if (negated) text = text.slice(1);
  const names = new Set<string>();
  let unknownToken = false;
  for (const raw of text.split(',')) {
    const token = raw.trim().replace(/^\?/, '');
    if (token === '' || token === 'all') {
      if (token === 'all') return { filtered: false, source: null, text: null, sees: () => true };
      continue;
    }
    if (token.startsWith('%')) {
      const members = CLASSES[token.replace(/^%+/, '')];
      if (members) for (const m of members) names.add(m);
      else unknownToken = true;
    } else if (/^[a-z0-9_]+$/.test(token)) names.add(token);
    else unknownToken = true;
  }
  const sees = negated
    ? (name: string) => !unknownToken && !names.has(name)
    : (name: string) => names.has(name) || (name === 'newfstatat' && names.has('stat'));
  return { filtered: true, source: 'context', text: given, sees };
}
