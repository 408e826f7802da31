import { basename } from '../diff/diff-units.js';
import { argsText, firstString } from './call-args.js';
import type { RunFacts } from './run-facts.js';

/**
 * Differences every pair of runs shows and that change nothing by themselves. Each is kept (listed as an
 * expected difference, with why) but never offered as the cause.
 */
export const NOISE_WHY = {
  aslr: 'addresses differ on every run: the kernel places the heap (brk), mappings (mmap) and a PIE binary at random addresses (ASLR), and a non-PIE binary at fixed ones',
  'ld-cache':
    'there is no /etc/ld.so.cache, so the dynamic loader searches the library directories one by one; it then finds the libraries, so this only costs a few calls',
  'library-search':
    'the dynamic loader tries several directories (glibc-hwcaps, tls, x86_64) before the one that holds each library; the library is then found',
  locale:
    'locale and gconv files are probed and missing; the program falls back to the C locale, which changes nothing here',
  'path-search':
    'a PATH search tries each directory in turn until the program is found; the search ends in a successful execve',
  nss: 'name-service configuration (nsswitch.conf, libnss_*) is absent, so glibc falls back to its built-in defaults',
  'self-exe':
    'the program reads /proc/self/exe to find its own path and carries on without it when /proc is not there',
  selinux: 'libselinux checks whether SELinux is mounted; it is not, so SELinux is simply off',
  random: 'random bytes (getrandom) differ on every run',
  timing: 'times, durations, clock readings and thread scheduling (futex waits) differ on every run',
  memory:
    'the runs lay out memory differently (another build of the program, static against dynamic, the allocator choosing otherwise): extra or fewer brk, mmap and mprotect calls',
  ids: 'process ids and thread ids differ on every run',
  terminal:
    'one run writes to a terminal and the other to a file or pipe, so terminal checks (ioctl TCGETS) differ',
  preload: '/etc/ld.so.preload is checked and absent, as usual',
  pwd: 'the shell checks that $PWD, inherited from the launcher, still names its working directory; after the root changed it does not, and the shell carries on',
  'output-file':
    'each run has its own stdout and stderr files, so checks on fd 1 and 2 (fstat, ioctl) name other files',
  'temp-name':
    'each run creates its temporary files and directories under fresh random names (an exclusive create, O_CREAT|O_EXCL, or mkdir, as mkstemp and mkdtemp do), so the calls on them name other paths',
} as const;
export type NoiseId = keyof typeof NOISE_WHY;

const MEMORY = new Set(['brk', 'mmap', 'mmap2', 'munmap', 'mprotect', 'mremap', 'madvise', 'arch_prctl']);
const TIME = new Set([
  'clock_gettime',
  'clock_nanosleep',
  'nanosleep',
  'gettimeofday',
  'time',
  'times',
  'sysinfo',
  'clock_getres',
  'timerfd_settime',
  'poll',
  'ppoll',
  'epoll_wait',
  'select',
  'pselect6',
]);
const IDS = new Set([
  'getpid',
  'gettid',
  'getppid',
  'set_tid_address',
  'wait4',
  'waitid',
  'clone',
  'clone3',
  'fork',
  'vfork',
]);

const LOCALE =
  /^\/usr\/(lib|share)\/locale\/|^\/usr\/lib\/[^/]*\/?gconv\/|\/gconv-modules|^\/usr\/share\/i18n\/|\.mo$|^\/usr\/lib\/locale$/;
const LIBRARY_DIR =
  /^(\/usr)?\/lib(64|32|x32)?(\/[^/]+-linux-gnu)?\/(glibc-hwcaps|tls|x86_64|haswell|i686|sse2|avx512_1|x86-64-v\d)(\/|$)/;
const STAT = /^(stat|newfstatat|statx|access|faccessat|faccessat2|lstat)$/;
const NSS = /^\/etc\/(nsswitch\.conf|host\.conf|gai\.conf)$|\/libnss_[^/]*\.so/;
const SELINUX = /^\/sys\/fs\/selinux|^\/selinux$|^\/sys\/fs\/smackfs|^\/proc\/filesystems$/;

/**
 * Why event `i` of a run is an expected difference, or null when it may matter. `changed` says the call
 * is paired with the other run's and only its values differ (for addresses, ids and times).
 */
export function classifyNoise(run: RunFacts, i: number, changed: boolean): NoiseId | null {
  const t = run.trace;
  const name = t.name(i);
  const errno = t.errno(i);
  if (name === 'getrandom') return 'random';
  if (name === 'futex') return 'timing';
  if (TIME.has(name) && (changed || errno === null)) return 'timing';
  if (changed && errno === null) {
    if (MEMORY.has(name)) return 'aslr';
    if (name !== 'write' && name !== 'writev' && /^\s*[12]</.test(argsText(t, i))) return 'output-file';
    if (IDS.has(name)) return 'ids';
  }
  if (name === 'ioctl' && (errno === 'ENOTTY' || /TCGETS|TIOCGWINSZ/.test(t.rawLine(i)))) return 'terminal';
  if (errno === null && MEMORY.has(name)) {
    if (changed) return 'aslr';
    if (!/<\//.test(t.rawLine(i))) return 'memory';
  }
  if (errno === null) return byFilePath(t.rawLine(i), name);
  const path = firstString(t, i);
  if (path === '/etc/ld.so.preload') return 'preload';
  if (path === '/etc/ld.so.cache') return librariesFound(run, i) ? 'ld-cache' : null;
  if (LIBRARY_DIR.test(path) && libraryFoundLater(run, i, path)) return 'library-search';
  if (LOCALE.test(path) || /\/locale-archive$|\/locale\.alias$/.test(path)) return 'locale';
  if (NSS.test(path)) return 'nss';
  if (SELINUX.test(path)) return 'selinux';
  if (name === 'readlink' && path === '/proc/self/exe') return 'self-exe';
  if (isPathSearch(run, i, name, path)) return 'path-search';
  if (
    STAT.test(name) &&
    path !== '' &&
    path === run.startCwd &&
    run.lineage.inChroot(t.columns.pid[i] as number, i)
  )
    return 'pwd';
  return null;
}

/**
 * A successful call on a loader or locale file (through its path or its `-y` fd): the consequence of a
 * probe that went another way in the other run (reading ld.so.cache, mapping a locale file).
 *
 *   newfstatat(3</etc/ld.so.cache>, "", {st_mode=S_IFREG|0644, ...}, AT_EMPTY_PATH) = 0
 */
function byFilePath(line: string, name: string): NoiseId | null {
  const args = line.slice(line.indexOf(name + '(') + name.length + 1);
  // The first string argument and every `-y` fd decoration (`3</etc/ld.so.cache>`).
  const paths = [
    /"([^"]*)"/.exec(args)?.[1] ?? '',
    ...[...args.matchAll(/\d<([^<>]*)>/g)].map((m) => m[1] as string),
  ];
  for (const path of paths) {
    if (path === '/etc/ld.so.cache') return 'ld-cache';
    if (LOCALE.test(path) || /\/locale-archive$|\/locale\.alias$/.test(path)) return 'locale';
  }
  return null;
}

/** The same pid opens some shared library successfully after event i (the loader found its libraries). */
function librariesFound(run: RunFacts, i: number): boolean {
  const t = run.trace;
  const pid = t.columns.pid[i] as number;
  for (let k = i + 1; k < t.count && k < i + 4000; k++) {
    if ((t.columns.pid[k] as number) !== pid) continue;
    const name = t.name(k);
    if (name === 'execve' || name === 'exit_group') break;
    if ((name === 'openat' || name === 'open') && t.errno(k) === null && /\.so(\.\d+)*"/.test(t.rawLine(k)))
      return true;
  }
  return false;
}

/** A library probed in one directory and opened from another later, by the same pid. */
function libraryFoundLater(run: RunFacts, i: number, path: string): boolean {
  const t = run.trace;
  const lib = basename(path);
  if (!/\.so/.test(lib)) return librariesFound(run, i);
  const pid = t.columns.pid[i] as number;
  for (let k = i + 1; k < t.count && k < i + 4000; k++) {
    if ((t.columns.pid[k] as number) !== pid) continue;
    const name = t.name(k);
    if (name === 'execve') break;
    if ((name === 'openat' || name === 'open') && t.errno(k) === null && basename(firstString(t, k)) === lib)
      return true;
  }
  return false;
}

/**
 * One step of a PATH search that ends well: a failed execve whose exec stage ends in a successful one, or
 * a stat/access of `DIR/prog` where prog is a program the run then execs.
 */
function isPathSearch(run: RunFacts, i: number, name: string, path: string): boolean {
  const errno = run.trace.errno(i);
  if (errno !== 'ENOENT' && errno !== 'ENOTDIR' && errno !== 'EACCES') return false;
  if (name === 'execve' || name === 'execveat') {
    const unit = run.units.all[run.units.unitOfEvent[i] ?? -1];
    return unit !== undefined && unit.execOk && unit.execEvent !== i;
  }
  if (!STAT.test(name)) return false;
  const prog = basename(path);
  return prog !== '' && path.includes('/') && run.units.firstRunOf.has(prog);
}
