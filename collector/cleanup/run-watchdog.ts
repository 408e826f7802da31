import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

/**
 * A tiny `sh` beside the collector that kills the runs when the collector dies. It reads `+PGID` and
 * `-PGID` lines on a pipe from us; the pipe ends when we exit, however we exit (SIGKILL included, which
 * no handler of ours sees), and then it SIGKILLs every process group still listed. strace 6.1 has no
 * --kill-on-exit, and a tracer killed with SIGKILL leaves its tracees running: this is what stops them.
 * `+/CGROUP` and `-/CGROUP` lines list cgroup directories whose processes it SIGKILLs too: a container's
 * init is in no process group of ours (runc makes it a session leader in its own pid namespace), so
 * `sleep` in a container outlived a SIGKILLed collect until the next one swept it.
 * It runs in its own session, so a Ctrl-C on the terminal (which the collector handles) does not kill it.
 */
const WATCHDOG_SCRIPT = [
  'groups=" "',
  'cgroups=" "',
  'while IFS= read -r line; do',
  '  case $line in',
  '    +/*) cgroups="$cgroups${line#+} " ;;',
  '    -/*) rest=" "; for c in $cgroups; do [ "$c" = "${line#-}" ] || rest="$rest$c "; done; cgroups=$rest ;;',
  '    +*) groups="$groups${line#+} " ;;',
  '    -*) rest=" "; for g in $groups; do [ "$g" = "${line#-}" ] || rest="$rest$g "; done; groups=$rest ;;',
  '  esac',
  'done',
  'for g in $groups; do kill -9 "-$g" 2>/dev/null; done',
  'for c in $cgroups; do',
  '  [ -r "$c/cgroup.procs" ] || continue',
  '  while IFS= read -r p; do kill -9 "$p" 2>/dev/null; done < "$c/cgroup.procs"',
  'done',
].join('\n');

export interface RunWatchdog {
  /** The watchdog's own pid (tests kill it to check the sweep alone). */
  readonly pid: number | undefined;
  watch(pgid: number): void;
  unwatch(pgid: number): void;
  /** A cgroup directory (no whitespace in its path) whose processes die with the collector too. */
  watchCgroup(path: string): void;
  unwatchCgroup(path: string): void;
  /** Normal end: the pipe is closed; the groups still listed (none, after a clean run) are killed. */
  stop(): void;
}

export function startRunWatchdog(): RunWatchdog {
  // node:child_process rather than execa: the watchdog must not hold our event loop open (unref), and
  // nothing of its output is read.
  const child = spawn('sh', ['-c', WATCHDOG_SCRIPT], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => {
    // no sh: the runs then do not die with us, and the next collect's sweep removes them
  });
  child.unref();
  const pipe = child.stdin as Writable & { unref?: () => void };
  pipe.on('error', () => {
    // the watchdog died first; nothing to tell it any more
  });
  // The pipe must not keep us alive either (a socket handle under the hood).
  (pipe as { _handle?: { unref?: () => void } })._handle?.unref?.();
  const send = (line: string): void => {
    if (!pipe.destroyed && pipe.writable) pipe.write(`${line}\n`);
  };
  return {
    pid: child.pid,
    watch: (pgid) => send(`+${pgid}`),
    unwatch: (pgid) => send(`-${pgid}`),
    // The script splits its list on whitespace: a path holding any is left to the next collect's sweep.
    watchCgroup: (path) => void (path.startsWith('/') && !/\s/.test(path) && send(`+${path}`)),
    unwatchCgroup: (path) => void (path.startsWith('/') && !/\s/.test(path) && send(`-${path}`)),
    stop: () => {
      if (!pipe.destroyed) pipe.end();
    },
  };
}
